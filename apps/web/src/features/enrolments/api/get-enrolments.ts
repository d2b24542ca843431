import type { EnrolmentSummary } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The enrolments the caller may see: a CCC gets only their own. */
export function getEnrolments(signal?: AbortSignal): Promise<EnrolmentSummary[]> {
  return answer(contract.GET('/api/enrolments', { signal }));
}

export function getEnrolmentsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.enrolments.all,
    queryFn: ({ signal }) => getEnrolments(signal),
  });
}

export function useEnrolments() {
  return useQuery(getEnrolmentsQueryOptions());
}
