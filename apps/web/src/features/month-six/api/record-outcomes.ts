import type { OutcomesView, RecordOutcomesRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { outcomesQueryKey } from './keys';

/** Records counts per month and measure; a count already recorded is guarded by its version. */
export function recordOutcomes(enrolmentId: string, body: RecordOutcomesRequest): Promise<OutcomesView> {
  return answer(contract.PUT('/api/enrolments/{id}/outcomes', { params: { path: { id: enrolmentId } }, body }));
}

export function useRecordOutcomes(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordOutcomesRequest) => recordOutcomes(enrolmentId, body),
    onSuccess: (view) => queryClient.setQueryData(outcomesQueryKey(enrolmentId), view),
  });
}
