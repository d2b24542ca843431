import type { BookSessionRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onSessionChanged } from './session-changed';

/** Books a planned session; one that needs the PCN supervisor then waits for them. */
export function bookSession(sessionId: string, body: BookSessionRequest): Promise<SessionView> {
  return answer(contract.POST('/api/sessions/{id}/book', { params: { path: { id: sessionId } }, body }));
}

export function useBookSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookSessionRequest) => bookSession(sessionId, body),
    onSuccess: (view) => {
      void onSessionChanged(queryClient, view);
    },
  });
}
