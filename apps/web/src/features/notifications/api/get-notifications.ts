import type { NotificationsResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** The signed-in person's reminders, newest first, and how many are unread. */
export function getNotifications(signal?: AbortSignal): Promise<NotificationsResponse> {
  return answer(contract.GET('/api/me/notifications', { signal }));
}

export const notificationsQueryKey = ['notifications'] as const;

export function getNotificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationsQueryKey,
    queryFn: ({ signal }) => getNotifications(signal),
    // The header's count stays roughly current without a reload; reminders are found every 15 minutes.
    refetchInterval: 5 * 60_000,
  });
}

export function useNotifications(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getNotificationsQueryOptions(), enabled: options.enabled ?? true });
}
