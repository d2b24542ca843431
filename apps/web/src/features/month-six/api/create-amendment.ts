import type { AmendmentView, CreateAmendmentRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { amendmentsQueryKey, handoverQueryKey, outcomesQueryKey } from './keys';

/** A correction to a completed enrolment's record, with its reason (the record itself stays read-only). */
export function createAmendment(enrolmentId: string, body: CreateAmendmentRequest): Promise<AmendmentView> {
  return answer(contract.POST('/api/enrolments/{id}/amendments', { params: { path: { id: enrolmentId } }, body }));
}

export function useCreateAmendment(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAmendmentRequest) => createAmendment(enrolmentId, body),
    onSuccess: () => {
      for (const key of [amendmentsQueryKey, handoverQueryKey, outcomesQueryKey]) {
        void queryClient.invalidateQueries({ queryKey: key(enrolmentId) });
      }
    },
  });
}
