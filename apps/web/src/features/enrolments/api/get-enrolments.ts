import type { EnrolmentSummary } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The enrolments the caller may see: a CCC gets only their own. */
export function getEnrolments(signal?: AbortSignal): Promise<EnrolmentSummary[]> {
  return api.get<EnrolmentSummary[]>('/enrolments', { signal });
}

export function getEnrolmentsQueryOptions() {
  return queryOptions({
    queryKey: ['enrolments'],
    queryFn: ({ signal }) => getEnrolments(signal),
  });
}

export function useEnrolments() {
  return useQuery(getEnrolmentsQueryOptions());
}
