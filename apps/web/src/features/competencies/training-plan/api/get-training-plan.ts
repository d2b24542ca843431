import type { TrainingPlanResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';

/** The CCC's training plan: its items by target month, done or not, and what the programme offers. */
export function getTrainingPlan(enrolmentId: string, signal?: AbortSignal): Promise<TrainingPlanResponse> {
  return answer(contract.GET('/api/enrolments/{id}/training-plan', { params: { path: { id: enrolmentId } }, signal }));
}

export function trainingPlanQueryKey(enrolmentId: string) {
  return ['enrolments', enrolmentId, 'training-plan'] as const;
}

export function getTrainingPlanQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: trainingPlanQueryKey(enrolmentId),
    queryFn: ({ signal }) => getTrainingPlan(enrolmentId, signal),
  });
}

export function useTrainingPlan(enrolmentId: string) {
  return useQuery(getTrainingPlanQueryOptions(enrolmentId));
}
