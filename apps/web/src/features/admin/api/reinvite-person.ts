import type { InvitationIssued } from '@ccc/contracts';
import { useMutation } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** A new link for someone who has not set their password yet; the earlier one stops working. */
export function reinvitePerson(personId: string): Promise<InvitationIssued> {
  return answer(contract.POST('/api/people/{id}/invitation', { params: { path: { id: personId } } }));
}

export function useReinvitePerson() {
  return useMutation({ mutationFn: reinvitePerson });
}
