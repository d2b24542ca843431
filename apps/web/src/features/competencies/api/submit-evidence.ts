import type { CompetencyDetailResponse, SubmitEvidenceRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onCompetencyChanged } from './competency-changed';

/** The CCC adds a reflection or a link; the competency then waits for review. */
export function submitEvidence(
  enrolmentId: string,
  code: string,
  body: SubmitEvidenceRequest,
): Promise<CompetencyDetailResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/competencies/{code}/evidence', {
      params: { path: { id: enrolmentId, code } },
      body,
    }),
  );
}

export function useSubmitEvidence(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitEvidenceRequest) => submitEvidence(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
