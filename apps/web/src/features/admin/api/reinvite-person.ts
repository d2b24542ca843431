import type { InvitationIssued } from '@ccc/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** A new link for someone who has not set their password yet; the earlier one stops working. */
export function reinvitePerson(personId: string): Promise<InvitationIssued> {
  return api.post<InvitationIssued>(`/people/${encodeURIComponent(personId)}/invitation`, {});
}

export function useReinvitePerson() {
  return useMutation({ mutationFn: reinvitePerson });
}
