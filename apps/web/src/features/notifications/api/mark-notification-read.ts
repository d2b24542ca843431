import type { NotificationsResponse, NotificationView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { notificationsQueryKey } from './get-notifications';

export function markNotificationRead(id: string): Promise<NotificationView> {
  return answer(contract.POST('/api/me/notifications/{id}/read', { params: { path: { id } } }));
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSuccess: (read) => {
      // The list shows the change at once; the refetch then confirms the count.
      queryClient.setQueryData<NotificationsResponse>(notificationsQueryKey, (list) =>
        list
          ? {
              items: list.items.map((item) => (item.id === read.id ? read : item)),
              unreadCount: list.items.some((item) => item.id === read.id && !item.readAt)
                ? Math.max(0, list.unreadCount - 1)
                : list.unreadCount,
            }
          : list,
      );
      return queryClient.invalidateQueries({ queryKey: notificationsQueryKey });
    },
  });
}
