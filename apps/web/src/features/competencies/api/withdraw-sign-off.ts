import type { CompetencyDetailResponse, WithdrawSignOffRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onCompetencyChanged } from './competency-changed';

/** Withdraws a sign-off with a reason; the sign-off stays on record. */
export function withdrawSignOff(
  enrolmentId: string,
  code: string,
  body: WithdrawSignOffRequest,
): Promise<CompetencyDetailResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/competencies/{code}/withdraw-sign-off', {
      params: { path: { id: enrolmentId, code } },
      body,
    }),
  );
}

export function useWithdrawSignOff(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawSignOffRequest) => withdrawSignOff(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
