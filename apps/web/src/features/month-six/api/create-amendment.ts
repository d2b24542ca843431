import type { AmendmentView, CreateAmendmentRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { amendmentsQueryKey, enrolmentPath, handoverQueryKey, outcomesQueryKey } from './keys';

/** A correction to a completed enrolment's record, with its reason (the record itself stays read-only). */
export function createAmendment(enrolmentId: string, body: CreateAmendmentRequest): Promise<AmendmentView> {
  return api.post<AmendmentView>(enrolmentPath(enrolmentId, 'amendments'), body);
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
