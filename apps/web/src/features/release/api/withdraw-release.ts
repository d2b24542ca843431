import type { ReleaseRequestView, WithdrawReleaseRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onReleaseChanged } from './release-changed';

/** The CCC withdraws study time or a training day their PCN supervisor has not decided yet. */
export function withdrawRelease(requestId: string, body: WithdrawReleaseRequest): Promise<ReleaseRequestView> {
  return api.post<ReleaseRequestView>(`/release-requests/${encodeURIComponent(requestId)}/withdraw`, body);
}

export function useWithdrawRelease(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: WithdrawReleaseRequest & { requestId: string }) =>
      withdrawRelease(requestId, body),
    onSuccess: () => onReleaseChanged(queryClient, enrolmentId),
  });
}
