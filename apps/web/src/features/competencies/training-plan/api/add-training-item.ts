import type { CreateTrainingPlanItemRequest, TrainingPlanResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../lib/api-client';
import { trainingPlanQueryKey } from './get-training-plan';

/** The CCC or their Alliance supervisor adds an item: a course, a month's group teaching, or other learning. */
export function addTrainingItem(
  enrolmentId: string,
  body: CreateTrainingPlanItemRequest,
): Promise<TrainingPlanResponse> {
  return api.post<TrainingPlanResponse>(`/enrolments/${encodeURIComponent(enrolmentId)}/training-plan-items`, body);
}

export function useAddTrainingItem(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTrainingPlanItemRequest) => addTrainingItem(enrolmentId, body),
    onSuccess: (plan) => queryClient.setQueryData(trainingPlanQueryKey(enrolmentId), plan),
  });
}
