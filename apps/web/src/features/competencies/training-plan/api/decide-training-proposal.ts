import type { AcceptTrainingProposalRequest, DropTrainingProposalRequest, TrainingPlanResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../../lib/api-client';
import { trainingPlanQueryKey } from './get-training-plan';

function proposalPath(enrolmentId: string, round: number, code: string, what: 'accept' | 'drop') {
  return `/enrolments/${encodeURIComponent(enrolmentId)}/tna/${round}/proposals/${encodeURIComponent(code)}/${what}`;
}

/** Adds a need agreed at the TNA to the plan, as proposed or with the changes given. */
export function acceptTrainingProposal(
  enrolmentId: string,
  round: number,
  code: string,
  body: AcceptTrainingProposalRequest,
): Promise<TrainingPlanResponse> {
  return api.post<TrainingPlanResponse>(proposalPath(enrolmentId, round, code, 'accept'), body);
}

/** Drops a need agreed at the TNA: it is no longer proposed. */
export function dropTrainingProposal(
  enrolmentId: string,
  round: number,
  code: string,
  body: DropTrainingProposalRequest,
): Promise<TrainingPlanResponse> {
  return api.post<TrainingPlanResponse>(proposalPath(enrolmentId, round, code, 'drop'), body);
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
