import type { LogReleaseRequest, ReleaseRequestView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onReleaseChanged } from './release-changed';

/** The CCC logs protected study time or a training day, for their PCN supervisor to confirm. */
export function logRelease(enrolmentId: string, body: LogReleaseRequest): Promise<ReleaseRequestView> {
  return answer(
    contract.POST('/api/enrolments/{id}/release-requests', { params: { path: { id: enrolmentId } }, body }),
  );
}

export function useLogRelease(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LogReleaseRequest) => logRelease(enrolmentId, body),
    onSuccess: () => onReleaseChanged(queryClient, enrolmentId),
  });
}
