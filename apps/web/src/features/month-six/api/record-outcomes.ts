import type { OutcomesView, RecordOutcomesRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enrolmentPath, outcomesQueryKey } from './keys';

/** Records counts per month and measure; a count already recorded is guarded by its version. */
export function recordOutcomes(enrolmentId: string, body: RecordOutcomesRequest): Promise<OutcomesView> {
  return api.put<OutcomesView>(enrolmentPath(enrolmentId, 'outcomes'), body);
}

export function useRecordOutcomes(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordOutcomesRequest) => recordOutcomes(enrolmentId, body),
    onSuccess: (view) => queryClient.setQueryData(outcomesQueryKey(enrolmentId), view),
  });
}
