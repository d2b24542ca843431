import type { AcceptTrainingProposalRequest, DropTrainingProposalRequest, TrainingPlanResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';
import { trainingPlanQueryKey } from './get-training-plan';

/** Adds a need agreed at the TNA to the plan, as proposed or with the changes given. */
export function acceptTrainingProposal(
  enrolmentId: string,
  round: number,
  code: string,
  body: AcceptTrainingProposalRequest,
): Promise<TrainingPlanResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/tna/{round}/proposals/{code}/accept', {
      params: { path: { id: enrolmentId, round, code } },
      body,
    }),
  );
}

/** Drops a need agreed at the TNA: it is no longer proposed. */
export function dropTrainingProposal(
  enrolmentId: string,
  round: number,
  code: string,
  body: DropTrainingProposalRequest,
): Promise<TrainingPlanResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/tna/{round}/proposals/{code}/drop', {
      params: { path: { id: enrolmentId, round, code } },
      body,
    }),
  );
}

interface Decision {
  round: number;
  code: string;
  body: AcceptTrainingProposalRequest;
}

export function useAcceptTrainingProposal(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ round, code, body }: Decision) => acceptTrainingProposal(enrolmentId, round, code, body),
    onSuccess: (plan) => queryClient.setQueryData(trainingPlanQueryKey(enrolmentId), plan),
  });
}

export function useDropTrainingProposal(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ round, code, body }: Decision) => dropTrainingProposal(enrolmentId, round, code, body),
    onSuccess: (plan) => queryClient.setQueryData(trainingPlanQueryKey(enrolmentId), plan),
  });
}
