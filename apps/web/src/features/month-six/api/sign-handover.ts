import type { HandoverView, SignHandoverRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { handoverQueryKey } from './keys';
import { queryKeys } from '../../../lib/query-keys';

/** Signs as the caller's own party; the third signature completes the enrolment. */
export function signHandover(enrolmentId: string, body: SignHandoverRequest): Promise<HandoverView> {
  return answer(contract.POST('/api/enrolments/{id}/handover/sign', { params: { path: { id: enrolmentId } }, body }));
}

export function useSignHandover(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignHandoverRequest) => signHandover(enrolmentId, body),
    onSuccess: (view) => {
      queryClient.setQueryData(handoverQueryKey(enrolmentId), view);
      // The enrolment may now be completed: its timeline and lists say so.
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrolments.all });
    },
  });
}
