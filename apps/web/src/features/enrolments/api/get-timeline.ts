import type { TimelineResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function getTimeline(enrolmentId: string, signal?: AbortSignal): Promise<TimelineResponse> {
  return api.get<TimelineResponse>(`/enrolments/${encodeURIComponent(enrolmentId)}/timeline`, { signal });
}

export function getTimelineQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: ['enrolments', enrolmentId, 'timeline'],
    queryFn: ({ signal }) => getTimeline(enrolmentId, signal),
  });
}

export function useTimeline(enrolmentId: string) {
  return useQuery(getTimelineQueryOptions(enrolmentId));
}
