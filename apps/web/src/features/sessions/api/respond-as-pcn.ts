import type { PcnResponseRequest, SessionView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onSessionChanged } from './session-changed';

/** The PCN supervisor accepts the offered slot or proposes another time. */
export function respondAsPcn(sessionId: string, body: PcnResponseRequest): Promise<SessionView> {
  return answer(contract.POST('/api/sessions/{id}/pcn-response', { params: { path: { id: sessionId } }, body }));
}

export function useRespondAsPcn(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PcnResponseRequest) => respondAsPcn(sessionId, body),
    onSuccess: (view) => {
      void onSessionChanged(queryClient, view);
    },
  });
}
