import type { AlliancePolicyView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { alliancePolicyQueryKey } from './keys';

/** Administrators: their acting Alliance's policy (`version` 0 while it has the defaults). */
export function getAlliancePolicy(signal?: AbortSignal): Promise<AlliancePolicyView> {
  return api.get<AlliancePolicyView>('/alliance-policy', { signal });
}

export function useAlliancePolicy() {
  return useQuery(
    queryOptions({ queryKey: alliancePolicyQueryKey, queryFn: ({ signal }) => getAlliancePolicy(signal) }),
  );
}
