import type { InvitationIssued, InvitePersonRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { peopleQueryKey } from './get-people';

/** Administrators: creates the person with one role and e-mails them a one-time link to set a password. */
export function invitePerson(body: InvitePersonRequest): Promise<InvitationIssued> {
  return answer(contract.POST('/api/people/invitations', { body }));
}

export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invitePerson,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}
