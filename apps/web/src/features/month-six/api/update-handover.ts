import type { HandoverView, UpdateHandoverRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { handoverQueryKey } from './keys';

/** Saves the whole record with its version; a change clears the signatures already given. */
export function updateHandover(enrolmentId: string, body: UpdateHandoverRequest): Promise<HandoverView> {
  return answer(contract.PUT('/api/enrolments/{id}/handover', { params: { path: { id: enrolmentId } }, body }));
}

export function useUpdateHandover(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateHandoverRequest) => updateHandover(enrolmentId, body),
    onSuccess: (view) => queryClient.setQueryData(handoverQueryKey(enrolmentId), view),
  });
}
