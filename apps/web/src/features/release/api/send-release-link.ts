import { useMutation } from '@tanstack/react-query';
import type { LinkIssued } from '@ccc/contracts';
import { api } from '../../../lib/api-client';

export type { LinkIssued };

/** E-mails the CCC's PCN supervisor a one-time link to answer this request without signing in. */
export function sendReleaseLink(requestId: string): Promise<LinkIssued> {
  return api.post<LinkIssued>(`/release-requests/${encodeURIComponent(requestId)}/link`, {});
}

export function useSendReleaseLink() {
  return useMutation({ mutationFn: (requestId: string) => sendReleaseLink(requestId) });
}
