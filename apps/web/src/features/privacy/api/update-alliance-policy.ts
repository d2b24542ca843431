import type { AlliancePolicyView, UpdateAlliancePolicyRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { alliancePolicyQueryKey, privacyNoticeQueryKey } from './keys';

/** Saves the whole policy with the version read; a stale version is a 409. */
export function updateAlliancePolicy(body: UpdateAlliancePolicyRequest): Promise<AlliancePolicyView> {
  return answer(contract.PUT('/api/alliance-policy', { body }));
}

export function useUpdateAlliancePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAlliancePolicy,
    onSuccess: (view) => {
      queryClient.setQueryData(alliancePolicyQueryKey, view);
      // The notice is built from the policy: dropped, so the next visit loads it anew rather than showing the old
      // text while it refetches.
      queryClient.removeQueries({ queryKey: privacyNoticeQueryKey(view.allianceId) });
    },
  });
}
