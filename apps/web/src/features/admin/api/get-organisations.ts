import type { OrganisationView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The Alliance and its PCNs. */
export function getOrganisations(signal?: AbortSignal): Promise<OrganisationView[]> {
  return answer(contract.GET('/api/organisations', { signal }));
}

export function getOrganisationsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.organisations,
    queryFn: ({ signal }) => getOrganisations(signal),
    staleTime: 5 * 60_000,
  });
}

export function useOrganisations(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getOrganisationsQueryOptions(), enabled: options.enabled ?? true });
}
