import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { LinkIssued } from '../../release/api/send-release-link';

/** E-mails the PCN supervisor a one-time link to accept the offered time, or propose another, without signing in. */
export function sendSessionLink(sessionId: string): Promise<LinkIssued> {
  return api.post<LinkIssued>(`/sessions/${encodeURIComponent(sessionId)}/link`, {});
}

export function useSendSessionLink() {
  return useMutation({ mutationFn: (sessionId: string) => sendSessionLink(sessionId) });
}
