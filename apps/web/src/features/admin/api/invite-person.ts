import type { InvitationIssued, InvitePersonRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { peopleQueryKey } from './get-people';

/** Administrators: creates the person with one role and e-mails them a one-time link to set a password. */
export function invitePerson(body: InvitePersonRequest): Promise<InvitationIssued> {
  return api.post<InvitationIssued>('/people/invitations', body);
}

export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invitePerson,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}
