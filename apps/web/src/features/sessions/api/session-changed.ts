import type { SessionView } from '@ccc/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryKey, sessionsQueryKey } from './get-session';
import { queryKeys } from '../../../lib/query-keys';

/**
 * After any session write: the answer is the session as it now is, so it goes straight into the cache; every view
 * that shows sessions (timelines, other sessions' pages, the caseload, the PCN home, agendas) is refetched.
 */
export async function onSessionChanged(queryClient: QueryClient, view: SessionView): Promise<void> {
  queryClient.setQueryData(sessionQueryKey(view.id), view);
  await Promise.all([
    // Refetched even when not on screen, so going back to the timeline shows the change at once.
    queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all, refetchType: 'all' }),
    queryClient.invalidateQueries({
      queryKey: sessionsQueryKey,
      predicate: (query) => query.queryKey[1] !== view.id,
    }),
    queryClient.invalidateQueries({ queryKey: queryKeys.caseload, refetchType: 'all' }),
    queryClient.invalidateQueries({ queryKey: queryKeys.pcnHome, refetchType: 'all' }),
    queryClient.invalidateQueries({ queryKey: queryKeys.agenda.all }),
  ]);
}
