import type { EnrolmentSummary, WithdrawEnrolmentRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Administrators: the CCC leaves the programme early; the reason is kept and the records stay, read-only. */
export function withdrawEnrolment(enrolmentId: string, body: WithdrawEnrolmentRequest): Promise<EnrolmentSummary> {
  return api.post<EnrolmentSummary>(`/enrolments/${encodeURIComponent(enrolmentId)}/withdraw`, body);
}

export function useWithdrawEnrolment(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawEnrolmentRequest) => withdrawEnrolment(enrolmentId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['enrolments'] });
      void queryClient.invalidateQueries({ queryKey: ['cohorts'] });
    },
  });
}
