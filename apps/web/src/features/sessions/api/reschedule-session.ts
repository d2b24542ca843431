import type { RescheduleSessionRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onSessionChanged } from './session-changed';

/** Moves a booked (or offered) session to another time, with a reason. */
export function rescheduleSession(sessionId: string, body: RescheduleSessionRequest): Promise<SessionView> {
  return answer(contract.POST('/api/sessions/{id}/reschedule', { params: { path: { id: sessionId } }, body }));
}

export function useRescheduleSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RescheduleSessionRequest) => rescheduleSession(sessionId, body),
    onSuccess: (view) => {
      void onSessionChanged(queryClient, view);
    },
  });
}
