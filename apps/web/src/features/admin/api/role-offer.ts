import type { RoleOfferView } from '@ccc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, contract, done } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** A role offered to the signed-in person, from the e-mailed link: 404 for a link that is not theirs. */
export function getRoleOffer(token: string, signal?: AbortSignal): Promise<RoleOfferView> {
  return answer(contract.GET('/api/role-offers/{token}', { params: { path: { token } }, signal }));
}

export function getRoleOfferQueryOptions(token: string) {
  return queryOptions({
    queryKey: queryKeys.roleOffer(token),
    queryFn: ({ signal }) => getRoleOffer(token, signal),
    retry: false,
  });
}

export function useRoleOffer(token: string) {
  return useQuery(getRoleOfferQueryOptions(token));
}

/** Accepts or declines the offer, once; the person's own account (their Alliances) changes with it. */
export function answerRoleOffer(token: string, accept: boolean): Promise<void> {
  const params = { path: { token } };
  return done(
    accept
      ? contract.POST('/api/role-offers/{token}/accept', { params })
      : contract.POST('/api/role-offers/{token}/decline', { params }),
  );
}

export function useAnswerRoleOffer(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accept: boolean) => answerRoleOffer(token, accept),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
