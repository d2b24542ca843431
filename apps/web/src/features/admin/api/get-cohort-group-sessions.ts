import type { CohortGroupSession } from '@ccc/contracts';
import { useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { cohortQueryKey } from './get-cohort';

export function getCohortGroupSessions(cohortId: string, signal?: AbortSignal): Promise<CohortGroupSession[]> {
  return answer(contract.GET('/api/cohorts/{id}/group-sessions', { params: { path: { id: cohortId } }, signal }));
}

/** The cohort's group sessions, to book from the cohort (#20 item 6). */
export function useCohortGroupSessions(cohortId: string) {
  return useQuery({
    queryKey: [...cohortQueryKey(cohortId), 'group-sessions'] as const,
    queryFn: ({ signal }) => getCohortGroupSessions(cohortId, signal),
  });
}
