import type { RecordSessionRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onSessionChanged } from './session-changed';

/** Records a held session: the register, supervisors' attendance, notes and agreed actions. */
export function recordSession(sessionId: string, body: RecordSessionRequest): Promise<SessionView> {
  return answer(contract.POST('/api/sessions/{id}/record', { params: { path: { id: sessionId } }, body }));
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
