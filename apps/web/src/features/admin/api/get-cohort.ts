import type { CohortResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { cohortsQueryKey } from './get-cohorts';

export function getCohort(cohortId: string, signal?: AbortSignal): Promise<CohortResponse> {
  return answer(contract.GET('/api/cohorts/{id}', { params: { path: { id: cohortId } }, signal }));
}

export function cohortQueryKey(cohortId: string) {
  return [...cohortsQueryKey, cohortId] as const;
}

export function getCohortQueryOptions(cohortId: string) {
  return queryOptions({ queryKey: cohortQueryKey(cohortId), queryFn: ({ signal }) => getCohort(cohortId, signal) });
}

export function useCohort(cohortId: string) {
  return useQuery(getCohortQueryOptions(cohortId));
}
