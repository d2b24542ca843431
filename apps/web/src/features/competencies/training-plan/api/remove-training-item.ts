import type { RemoveTrainingPlanItemRequest, TrainingPlanResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';
import { trainingPlanQueryKey } from './get-training-plan';

/** Removes an item not done yet; the body carries the version read. */
export function removeTrainingItem(itemId: string, body: RemoveTrainingPlanItemRequest): Promise<TrainingPlanResponse> {
  return answer(contract.DELETE('/api/training-plan-items/{id}', { params: { path: { id: itemId } }, body }));
}

export function useRemoveTrainingItem(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, version }: { itemId: string; version: number }) => removeTrainingItem(itemId, { version }),
    onSuccess: (plan) => queryClient.setQueryData(trainingPlanQueryKey(enrolmentId), plan),
  });
}
