import type { CalendarFeedResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, done } from '../../../lib/contract-client';
import { calendarFeedQueryKey } from './get-calendar-feed';

/** Turns the feed off: its address stops working at once. */
export function deleteCalendarFeed(): Promise<void> {
  return done(contract.DELETE('/api/calendar-feed'));
}

export function useDeleteCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCalendarFeed,
    onSuccess: () => {
      const off: CalendarFeedResponse = { active: false, createdAt: null };
      queryClient.setQueryData(calendarFeedQueryKey, off);
    },
  });
}
