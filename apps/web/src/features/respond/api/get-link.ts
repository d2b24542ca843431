import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** What a one-time link's page shows: the one request behind it, nothing else of the record. */
export interface LinkView {
  purpose: 'release_request' | 'session_slot';
  forPerson: string;
  ccc: string;
  what: string;
  date: string | null;
  startsAt: string | null;
  minutes: number;
  status: string;
  expiresAt: string;
}

/** No sign-in: the token is the credential, so no bearer token is sent and a 401 never ends a session. */
export function getLink(token: string, signal?: AbortSignal): Promise<LinkView> {
  return api.get<LinkView>(`/links/${encodeURIComponent(token)}`, { signal, authenticated: false });
}

export function getLinkQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['links', token],
    queryFn: ({ signal }) => getLink(token, signal),
    staleTime: 0,
  });
}

export function useLink(token: string) {
  return useQuery(getLinkQueryOptions(token));
}
