import type { BookSessionRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onSessionChanged } from './session-changed';

/** Books a planned session; one that needs the PCN supervisor then waits for them. */
export function bookSession(sessionId: string, body: BookSessionRequest): Promise<SessionView> {
  return api.post<SessionView>(`/sessions/${encodeURIComponent(sessionId)}/book`, body);
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
