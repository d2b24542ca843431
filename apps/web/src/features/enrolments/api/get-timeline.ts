import type { TimelineResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

export function getTimeline(enrolmentId: string, signal?: AbortSignal): Promise<TimelineResponse> {
  return answer(contract.GET('/api/enrolments/{id}/timeline', { params: { path: { id: enrolmentId } }, signal }));
}

export function getTimelineQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: queryKeys.enrolments.timeline(enrolmentId),
    queryFn: ({ signal }) => getTimeline(enrolmentId, signal),
  });
}

export function useTimeline(enrolmentId: string) {
  return useQuery(getTimelineQueryOptions(enrolmentId));
}
