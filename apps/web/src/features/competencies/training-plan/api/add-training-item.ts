import type { CreateTrainingPlanItemRequest, TrainingPlanResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';
import { trainingPlanQueryKey } from './get-training-plan';

/** The CCC or their Alliance supervisor adds an item: a course, a month's group teaching, or other learning. */
export function addTrainingItem(
  enrolmentId: string,
  body: CreateTrainingPlanItemRequest,
): Promise<TrainingPlanResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/training-plan-items', { params: { path: { id: enrolmentId } }, body }),
  );
}

export function useAddTrainingItem(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTrainingPlanItemRequest) => addTrainingItem(enrolmentId, body),
    onSuccess: (plan) => queryClient.setQueryData(trainingPlanQueryKey(enrolmentId), plan),
  });
}
