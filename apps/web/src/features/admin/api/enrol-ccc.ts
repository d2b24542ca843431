import type { CreateEnrolmentRequest, EnrolmentSummary } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { cohortsQueryKey } from './get-cohorts';
import { queryKeys } from '../../../lib/query-keys';

/** Enrols a CCC into a cohort; the API checks eligibility (track against employment start) and says why not. */
export function enrolCcc(cohortId: string, body: CreateEnrolmentRequest): Promise<EnrolmentSummary> {
  return answer(contract.POST('/api/cohorts/{id}/enrolments', { params: { path: { id: cohortId } }, body }));
}

export function useEnrolCcc(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEnrolmentRequest) => enrolCcc(cohortId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
      void queryClient.invalidateQueries({ queryKey: cohortsQueryKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseload });
    },
  });
}
