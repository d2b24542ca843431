import type { TnaResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';

/** The training needs analysis: round 1, and round 2 once round 1 is signed by both. */
export function getTna(enrolmentId: string, signal?: AbortSignal): Promise<TnaResponse> {
  return answer(contract.GET('/api/enrolments/{id}/tna', { params: { path: { id: enrolmentId } }, signal }));
}

export function tnaQueryKey(enrolmentId: string) {
  return ['enrolments', enrolmentId, 'tna'] as const;
}

export function getTnaQueryOptions(enrolmentId: string) {
  return queryOptions({ queryKey: tnaQueryKey(enrolmentId), queryFn: ({ signal }) => getTna(enrolmentId, signal) });
}

export function useTna(enrolmentId: string) {
  return useQuery(getTnaQueryOptions(enrolmentId));
}
