import type { CohortResponse, UpdateCohortRequest, VersionRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract, done } from '../../../lib/contract-client';
import { cohortQueryKey } from './get-cohort';
import { cohortsQueryKey } from './get-cohorts';
import { queryKeys } from '../../../lib/query-keys';

/** Administrators: the name at any time; the start date and supervisors before the cohort starts. */
export function updateCohort(cohortId: string, body: UpdateCohortRequest): Promise<CohortResponse> {
  return answer(contract.PATCH('/api/cohorts/{id}', { params: { path: { id: cohortId } }, body }));
}

/** Administrators: the cohort takes no new enrolments from now. */
export function closeCohort(cohortId: string, body: VersionRequest): Promise<CohortResponse> {
  return answer(contract.POST('/api/cohorts/{id}/close', { params: { path: { id: cohortId } }, body }));
}

/** Administrators: a cohort created in error, while nothing has happened in it. */
export function deleteCohort(cohortId: string, body: VersionRequest): Promise<void> {
  return done(contract.DELETE('/api/cohorts/{id}', { params: { path: { id: cohortId } }, body }));
}

function useCohortMutation<B>(cohortId: string, send: (cohortId: string, body: B) => Promise<CohortResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send(cohortId, body),
    onSuccess: (cohort) => {
      queryClient.setQueryData(cohortQueryKey(cohort.id), cohort);
      void queryClient.invalidateQueries({ queryKey: cohortsQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
    },
  });
}

export const useUpdateCohort = (cohortId: string) => useCohortMutation(cohortId, updateCohort);
export const useCloseCohort = (cohortId: string) => useCohortMutation(cohortId, closeCohort);

export function useDeleteCohort(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionRequest) => deleteCohort(cohortId, body),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: cohortQueryKey(cohortId) });
      void queryClient.invalidateQueries({ queryKey: cohortsQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
    },
  });
}
