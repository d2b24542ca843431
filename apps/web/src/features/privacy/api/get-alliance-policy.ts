import type { AlliancePolicyView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { alliancePolicyQueryKey } from './keys';

/** Administrators: their acting Alliance's policy (`version` 0 while it has the defaults). */
export function getAlliancePolicy(signal?: AbortSignal): Promise<AlliancePolicyView> {
  return answer(contract.GET('/api/alliance-policy', { signal }));
}

export function useAlliancePolicy() {
  return useQuery(
    queryOptions({ queryKey: alliancePolicyQueryKey, queryFn: ({ signal }) => getAlliancePolicy(signal) }),
  );
}
