import type { RetentionList } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** The Alliance's enrolments with when each ended, when its retention ends, and what was erased (administrators). */
export function getRetention(signal?: AbortSignal): Promise<RetentionList> {
  return answer(contract.GET('/api/retention', { signal }));
}

export const retentionQueryKey = ['retention'] as const;

export function useRetention() {
  return useQuery(queryOptions({ queryKey: retentionQueryKey, queryFn: ({ signal }) => getRetention(signal) }));
}
