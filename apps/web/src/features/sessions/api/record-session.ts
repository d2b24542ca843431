import type { RecordSessionRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onSessionChanged } from './session-changed';

/** Records a held session: the register, supervisors' attendance, notes and agreed actions. */
export function recordSession(sessionId: string, body: RecordSessionRequest): Promise<SessionView> {
  return api.post<SessionView>(`/sessions/${encodeURIComponent(sessionId)}/record`, body);
}

export function useRecordSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordSessionRequest) => recordSession(sessionId, body),
    onSuccess: (view) => {
      void onSessionChanged(queryClient, view);
    },
  });
}
