import type { CompetencyDetailResponse, WithdrawSignOffRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onCompetencyChanged } from './competency-changed';
import { competencyPath } from './get-competency';

/** Withdraws a sign-off with a reason; the sign-off stays on record. */
export function withdrawSignOff(
  enrolmentId: string,
  code: string,
  body: WithdrawSignOffRequest,
): Promise<CompetencyDetailResponse> {
  return api.post<CompetencyDetailResponse>(`${competencyPath(enrolmentId, code)}/withdraw-sign-off`, body);
}

export function useWithdrawSignOff(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WithdrawSignOffRequest) => withdrawSignOff(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
