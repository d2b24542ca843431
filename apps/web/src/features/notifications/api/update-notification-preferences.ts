import type { NotificationPreferencesResponse, UpdateNotificationPreferencesRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { notificationPreferencesQueryKey } from './get-notification-preferences';

/** Saves the person's choices against the version they read; someone else's save since is a 409. */
export function updateNotificationPreferences(
  body: UpdateNotificationPreferencesRequest,
): Promise<NotificationPreferencesResponse> {
  return answer(contract.PUT('/api/me/notification-preferences', { body }));
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationPreferences,
    onSuccess: (saved) => queryClient.setQueryData(notificationPreferencesQueryKey, saved),
  });
}
