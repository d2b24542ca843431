import type { ConfirmWeekRequest, ReleaseSummary } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onReleaseChanged } from './release-changed';
import { queryKeys } from '../../../lib/query-keys';

/** Every pending request of one ISO week at once. */
export function confirmWeek(enrolmentId: string, body: ConfirmWeekRequest): Promise<ReleaseSummary> {
  return answer(
    contract.POST('/api/enrolments/{id}/release-requests/confirm-week', {
      params: { path: { id: enrolmentId } },
      body,
    }),
  );
}

export function useConfirmWeek(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmWeekRequest) => confirmWeek(enrolmentId, body),
    onSuccess: (summary) => {
      queryClient.setQueryData(queryKeys.enrolments.release(enrolmentId), summary);
      return onReleaseChanged(queryClient, enrolmentId);
    },
  });
}
