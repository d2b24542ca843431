import type { DutiesResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The PCN's and the Alliance's Table 2 duties to one CCC, each confirmed or not, and which the caller may confirm. */
export function getDuties(enrolmentId: string, signal?: AbortSignal): Promise<DutiesResponse> {
  return answer(contract.GET('/api/enrolments/{id}/duties', { params: { path: { id: enrolmentId } }, signal }));
}

export function getDutiesQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: queryKeys.enrolments.duties(enrolmentId),
    queryFn: ({ signal }) => getDuties(enrolmentId, signal),
  });
}

export function useDuties(enrolmentId: string) {
  return useQuery(getDutiesQueryOptions(enrolmentId));
}
