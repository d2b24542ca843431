import type { CancelSessionRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onSessionChanged } from './session-changed';

/** Cancels a session, with a reason; the API leaves a fresh planned session for the same plan item. */
export function cancelSession(sessionId: string, body: CancelSessionRequest): Promise<SessionView> {
  return answer(contract.POST('/api/sessions/{id}/cancel', { params: { path: { id: sessionId } }, body }));
}

export function useCancelSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CancelSessionRequest) => cancelSession(sessionId, body),
    onSuccess: (view) => {
      void onSessionChanged(queryClient, view);
    },
  });
}
