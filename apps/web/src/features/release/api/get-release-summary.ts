import type { ReleaseSummary } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** A CCC's release requests (newest first), the 8-week study chart and the 5-day counter. */
export function getReleaseSummary(enrolmentId: string, signal?: AbortSignal): Promise<ReleaseSummary> {
  return answer(contract.GET('/api/enrolments/{id}/release', { params: { path: { id: enrolmentId } }, signal }));
}

export function getReleaseSummaryQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: queryKeys.enrolments.release(enrolmentId),
    queryFn: ({ signal }) => getReleaseSummary(enrolmentId, signal),
  });
}

export function useReleaseSummary(enrolmentId: string) {
  return useQuery(getReleaseSummaryQueryOptions(enrolmentId));
}
