import type { CalendarFeedResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { calendarFeedQueryKey } from './get-calendar-feed';

/** Creates the feed, or replaces it (the old address stops working). The answer holds the new address. */
export function createCalendarFeed(): Promise<CalendarFeedResponse> {
  return answer(contract.POST('/api/calendar-feed'));
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (feed) => {
      // The status now names the new address (the API shows it again to its owner on every visit).
      queryClient.setQueryData(calendarFeedQueryKey, feed);
    },
  });
}
