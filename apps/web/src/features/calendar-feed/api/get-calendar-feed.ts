import type { CalendarFeedResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** Whether the caller has a calendar feed; never its address, which is shown only when it is made. */
export function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedResponse> {
  return answer(contract.GET('/api/calendar-feed', { signal }));
}

export const calendarFeedQueryKey = ['calendar-feed'] as const;

export function getCalendarFeedQueryOptions() {
  return queryOptions({
    queryKey: calendarFeedQueryKey,
    queryFn: ({ signal }) => getCalendarFeed(signal),
  });
}

export function useCalendarFeed() {
  return useQuery(getCalendarFeedQueryOptions());
}
