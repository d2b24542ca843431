import type { CompetencyDetailResponse, SubmitEvidenceRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onCompetencyChanged } from './competency-changed';
import { competencyPath } from './get-competency';

/** The CCC adds a reflection or a link; the competency then waits for review. */
export function submitEvidence(
  enrolmentId: string,
  code: string,
  body: SubmitEvidenceRequest,
): Promise<CompetencyDetailResponse> {
  return api.post<CompetencyDetailResponse>(`${competencyPath(enrolmentId, code)}/evidence`, body);
}

export function useSubmitEvidence(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitEvidenceRequest) => submitEvidence(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
