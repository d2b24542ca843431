import type { AllianceResponseRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onSessionChanged } from './session-changed';

/** The Alliance supervisor accepts the PCN supervisor's proposal or offers another time. */
export function respondAsAlliance(sessionId: string, body: AllianceResponseRequest): Promise<SessionView> {
  return answer(contract.POST('/api/sessions/{id}/alliance-response', { params: { path: { id: sessionId } }, body }));
}

export function useRespondAsAlliance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AllianceResponseRequest) => respondAsAlliance(sessionId, body),
    onSuccess: (view) => {
      void onSessionChanged(queryClient, view);
    },
  });
}
