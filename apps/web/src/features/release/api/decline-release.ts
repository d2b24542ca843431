import type { DeclineReleaseRequest, ReleaseRequestView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onReleaseChanged } from './release-changed';

/** The PCN supervisor declines one request, saying why. */
export function declineRelease(requestId: string, body: DeclineReleaseRequest): Promise<ReleaseRequestView> {
  return answer(contract.POST('/api/release-requests/{id}/decline', { params: { path: { id: requestId } }, body }));
}

export function useDeclineRelease(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...body }: DeclineReleaseRequest & { requestId: string }) =>
      declineRelease(requestId, body),
    onSuccess: () => onReleaseChanged(queryClient, enrolmentId),
  });
}
