import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { meQueryKey } from './get-me';

/**
 * Acts in another Alliance for the rest of this session. Everything cached belonged to the previous one, so it is
 * all dropped and read again.
 */
export function useChooseAlliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (allianceId: string) => answer(contract.POST('/api/me/alliance', { body: { allianceId } })),
    onSuccess: async (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
      await queryClient.invalidateQueries();
    },
  });
}
