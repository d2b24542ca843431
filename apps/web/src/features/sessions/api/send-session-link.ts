import { useMutation } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import type { LinkIssued } from '../../release';

/** E-mails the PCN supervisor a one-time link to accept the offered time, or propose another, without signing in. */
export function sendSessionLink(sessionId: string): Promise<LinkIssued> {
  return answer(contract.POST('/api/sessions/{id}/link', { params: { path: { id: sessionId } } }));
}

export function useSendSessionLink() {
  return useMutation({ mutationFn: (sessionId: string) => sendSessionLink(sessionId) });
}
