import type { CohortResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The cohorts the caller may see, each with its template version and how many are enrolled. */
export function getCohorts(signal?: AbortSignal): Promise<CohortResponse[]> {
  return answer(contract.GET('/api/cohorts', { signal }));
}

export const cohortsQueryKey = queryKeys.cohorts.all;

export function getCohortsQueryOptions() {
  return queryOptions({ queryKey: cohortsQueryKey, queryFn: ({ signal }) => getCohorts(signal) });
}

export function useCohorts(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getCohortsQueryOptions(), enabled: options.enabled ?? true });
}
