import type { NotificationPreferencesResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** The kinds of reminder the person can get, each on or off, and the version to save against. */
export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferencesResponse> {
  return answer(contract.GET('/api/me/notification-preferences', { signal }));
}

export const notificationPreferencesQueryKey = ['notification-preferences'] as const;

export function getNotificationPreferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationPreferencesQueryKey,
    queryFn: ({ signal }) => getNotificationPreferences(signal),
  });
}

export function useNotificationPreferences() {
  return useQuery(getNotificationPreferencesQueryOptions());
}
