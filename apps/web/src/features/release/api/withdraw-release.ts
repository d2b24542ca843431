import type { ReleaseRequestView, WithdrawReleaseRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onReleaseChanged } from './release-changed';

/** The CCC withdraws study time or a training day their PCN supervisor has not decided yet. */
export function withdrawRelease(requestId: string, body: WithdrawReleaseRequest): Promise<ReleaseRequestView> {
  return answer(contract.POST('/api/release-requests/{id}/withdraw', { params: { path: { id: requestId } }, body }));
}

export function useWithdrawRelease(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: WithdrawReleaseRequest & { requestId: string }) =>
      withdrawRelease(requestId, body),
    onSuccess: () => onReleaseChanged(queryClient, enrolmentId),
  });
}
