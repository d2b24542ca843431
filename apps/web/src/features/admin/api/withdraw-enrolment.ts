import type { EnrolmentSummary, WithdrawEnrolmentRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** Administrators: the CCC leaves the programme early; the reason is kept and the records stay, read-only. */
export function withdrawEnrolment(enrolmentId: string, body: WithdrawEnrolmentRequest): Promise<EnrolmentSummary> {
  return answer(contract.POST('/api/enrolments/{id}/withdraw', { params: { path: { id: enrolmentId } }, body }));
}

export function useWithdrawEnrolment(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawEnrolmentRequest) => withdrawEnrolment(enrolmentId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cohorts.all });
    },
  });
}
