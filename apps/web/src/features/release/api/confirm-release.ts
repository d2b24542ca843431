import type { ConfirmReleaseRequest, ReleaseRequestView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onReleaseChanged } from './release-changed';

/** The PCN supervisor confirms one request; past the agreed cap only with a reason. */
export function confirmRelease(requestId: string, body: ConfirmReleaseRequest): Promise<ReleaseRequestView> {
  return answer(contract.POST('/api/release-requests/{id}/confirm', { params: { path: { id: requestId } }, body }));
}

export function useConfirmRelease(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: ConfirmReleaseRequest & { requestId: string }) =>
      confirmRelease(requestId, body),
    onSuccess: () => onReleaseChanged(queryClient, enrolmentId),
  });
}
