import type { HandoverView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enrolmentPath, handoverQueryKey } from './keys';

/** The handover and evaluation interview of month 6: its parts, who has signed, and what the caller may do. */
export function getHandover(enrolmentId: string, signal?: AbortSignal): Promise<HandoverView> {
  return api.get<HandoverView>(enrolmentPath(enrolmentId, 'handover'), { signal });
}

export function getHandoverQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: handoverQueryKey(enrolmentId),
    queryFn: ({ signal }) => getHandover(enrolmentId, signal),
  });
}

export function useHandover(enrolmentId: string) {
  return useQuery(getHandoverQueryOptions(enrolmentId));
}
