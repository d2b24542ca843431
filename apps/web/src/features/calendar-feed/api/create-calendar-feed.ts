import type { CalendarFeedResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { calendarFeedQueryKey } from './get-calendar-feed';

/** Creates the feed, or replaces it (the old address stops working). The answer holds the address, once. */
export function createCalendarFeed(): Promise<CalendarFeedResponse> {
  return answer(contract.POST('/api/calendar-feed'));
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: ({ active, createdAt }) => {
      // The cache keeps the status only: the private address lives in this mutation's result and nowhere else.
      queryClient.setQueryData(calendarFeedQueryKey, { active, createdAt });
    },
  });
}
