import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface LinkIssued {
  sentTo: { id: string; fullName: string };
  expiresAt: string;
}

/** E-mails the CCC's PCN supervisor a one-time link to answer this request without signing in. */
export function sendReleaseLink(requestId: string): Promise<LinkIssued> {
  return api.post<LinkIssued>(`/release-requests/${encodeURIComponent(requestId)}/link`, {});
}

export function useSendReleaseLink() {
  return useMutation({ mutationFn: (requestId: string) => sendReleaseLink(requestId) });
}
