import type { InvitationView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, publicContract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** Opened from the e-mail without signing in: the token is the credential. 410 once used or expired. */
export function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationView> {
  return answer(publicContract.GET('/api/invitations/{token}', { params: { path: { token } }, signal }));
}

export function getInvitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: queryKeys.invitation(token),
    queryFn: ({ signal }) => getInvitation(token, signal),
    retry: false,
  });
}

export function useInvitation(token: string) {
  return useQuery(getInvitationQueryOptions(token));
}
