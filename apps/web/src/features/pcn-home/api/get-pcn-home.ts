import type { PcnHomeRow } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The PCN supervisor's one screen: per CCC, what waits for them. */
export function getPcnHome(signal?: AbortSignal): Promise<PcnHomeRow[]> {
  return answer(contract.GET('/api/pcn-home', { signal }));
}

export function getPcnHomeQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.pcnHome,
    queryFn: ({ signal }) => getPcnHome(signal),
  });
}

export function usePcnHome() {
  return useQuery(getPcnHomeQueryOptions());
}
