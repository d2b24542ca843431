import type { HandoverView, UpdateHandoverRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enrolmentPath, handoverQueryKey } from './keys';

/** Saves the whole record with its version; a change clears the signatures already given. */
export function updateHandover(enrolmentId: string, body: UpdateHandoverRequest): Promise<HandoverView> {
  return api.put<HandoverView>(enrolmentPath(enrolmentId, 'handover'), body);
}

export function useUpdateHandover(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateHandoverRequest) => updateHandover(enrolmentId, body),
    onSuccess: (view) => queryClient.setQueryData(handoverQueryKey(enrolmentId), view),
  });
}
