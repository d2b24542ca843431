import type { CaseloadRow } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** Per CCC, what is unbooked, waiting, coming up, overdue and missed: the Alliance supervisor's (admin: all). */
export function getCaseload(signal?: AbortSignal): Promise<CaseloadRow[]> {
  return answer(contract.GET('/api/caseload', { signal }));
}

export function getCaseloadQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.caseload,
    queryFn: ({ signal }) => getCaseload(signal),
  });
}

export function useCaseload(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getCaseloadQueryOptions(), enabled: options.enabled ?? true });
}
