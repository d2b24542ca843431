import type { SessionView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** One session in full: the register, agreed actions, history, and what the caller may do next. */
export function getSession(sessionId: string, signal?: AbortSignal): Promise<SessionView> {
  return answer(contract.GET('/api/sessions/{id}', { params: { path: { id: sessionId } }, signal }));
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
