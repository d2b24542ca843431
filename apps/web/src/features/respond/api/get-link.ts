import { queryOptions, useQuery } from '@tanstack/react-query';
import type { LinkView } from '@ccc/contracts';
import { answer, publicContract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

export type { LinkView };

/** No sign-in: the token is the credential, so no bearer token is sent and a 401 never ends a session. */
export function getLink(token: string, signal?: AbortSignal): Promise<LinkView> {
  return answer(publicContract.GET('/api/links/{token}', { params: { path: { token } }, signal }));
}

export function getLinkQueryOptions(token: string) {
  return queryOptions({
    queryKey: queryKeys.link(token),
    queryFn: ({ signal }) => getLink(token, signal),
    staleTime: 0,
  });
}

export function useLink(token: string) {
  return useQuery(getLinkQueryOptions(token));
}
