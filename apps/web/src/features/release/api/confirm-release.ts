import type { ConfirmReleaseRequest, ReleaseRequestView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onReleaseChanged } from './release-changed';

/** The PCN supervisor confirms one request; past the agreed cap only with a reason. */
export function confirmRelease(requestId: string, body: ConfirmReleaseRequest): Promise<ReleaseRequestView> {
  return api.post<ReleaseRequestView>(`/release-requests/${encodeURIComponent(requestId)}/confirm`, body);
}

export function useConfirmRelease(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: ConfirmReleaseRequest & { requestId: string }) =>
      confirmRelease(requestId, body),
    onSuccess: () => onReleaseChanged(queryClient, enrolmentId),
  });
}
