import type { CohortResponse, CreateCohortRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { cohortQueryKey } from './get-cohort';
import { cohortsQueryKey } from './get-cohorts';

/** Administrators: a new cohort of a template version, with the Alliance supervisors who run it. */
export function createCohort(body: CreateCohortRequest): Promise<CohortResponse> {
  return answer(contract.POST('/api/cohorts', { body }));
}

export function useCreateCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCohort,
    onSuccess: (cohort) => {
      queryClient.setQueryData(cohortQueryKey(cohort.id), cohort);
      void queryClient.invalidateQueries({ queryKey: cohortsQueryKey, exact: true });
    },
  });
}
