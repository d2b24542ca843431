import type { ErasureRequest, ErasureResult } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { retentionQueryKey } from './get-retention';
import { queryKeys } from '../../../lib/query-keys';

/** The Alliance's administrator erases a completed or withdrawn enrolment's personal data, with the reason. */
export function eraseEnrolment(enrolmentId: string, body: ErasureRequest): Promise<ErasureResult> {
  return answer(contract.POST('/api/enrolments/{id}/erasure', { params: { path: { id: enrolmentId } }, body }));
}

export function useEraseEnrolment(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ErasureRequest) => eraseEnrolment(enrolmentId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: retentionQueryKey });
      // Names and records shown elsewhere have changed too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.people.all });
    },
  });
}
