import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

/**
 * After any release write: the CCC's release summary, their expectations (the PCN's release measures) and the PCN
 * supervisor's home all change; refetched even when not on screen, so going back shows the change at once.
 */
export async function onReleaseChanged(queryClient: QueryClient, enrolmentId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.one(enrolmentId), refetchType: 'all' }),
    queryClient.invalidateQueries({ queryKey: queryKeys.pcnHome, refetchType: 'all' }),
  ]);
}
