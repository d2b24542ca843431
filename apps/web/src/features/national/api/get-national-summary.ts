import type { NationalSummary } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The national figures: per Alliance and for the nation, anonymous, small numbers suppressed. */
export function getNationalSummary(signal?: AbortSignal): Promise<NationalSummary> {
  return answer(contract.GET('/api/national/summary', { signal }));
}

export function getNationalSummaryQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.nationalSummary,
    queryFn: ({ signal }) => getNationalSummary(signal),
  });
}

export function useNationalSummary() {
  return useQuery(getNationalSummaryQueryOptions());
}
