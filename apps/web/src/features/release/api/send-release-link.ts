import { useMutation } from '@tanstack/react-query';
import type { LinkIssued } from '@ccc/contracts';
import { answer, contract } from '../../../lib/contract-client';

export type { LinkIssued };

/** E-mails the CCC's PCN supervisor a one-time link to answer this request without signing in. */
export function sendReleaseLink(requestId: string): Promise<LinkIssued> {
  return answer(contract.POST('/api/release-requests/{id}/link', { params: { path: { id: requestId } } }));
}

export function useSendReleaseLink() {
  return useMutation({ mutationFn: (requestId: string) => sendReleaseLink(requestId) });
}
