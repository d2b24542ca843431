import type { SessionView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One session in full: the register, agreed actions, history, and what the caller may do next. */
export function getSession(sessionId: string, signal?: AbortSignal): Promise<SessionView> {
  return api.get<SessionView>(`/sessions/${encodeURIComponent(sessionId)}`, { signal });
}

export const sessionsQueryKey = ['sessions'] as const;

export function sessionQueryKey(sessionId: string) {
  return [...sessionsQueryKey, sessionId] as const;
}

export function getSessionQueryOptions(sessionId: string) {
  return queryOptions({
    queryKey: sessionQueryKey(sessionId),
    queryFn: ({ signal }) => getSession(sessionId, signal),
  });
}

export function useSession(sessionId: string) {
  return useQuery(getSessionQueryOptions(sessionId));
}
