import type { CompetencyDetailResponse, ReturnEvidenceRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onCompetencyChanged } from './competency-changed';

/** Back to the CCC, saying what more evidence is needed. */
export function returnEvidence(
  enrolmentId: string,
  code: string,
  body: ReturnEvidenceRequest,
): Promise<CompetencyDetailResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/competencies/{code}/return', {
      params: { path: { id: enrolmentId, code } },
      body,
    }),
  );
}

export function useReturnEvidence(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReturnEvidenceRequest) => returnEvidence(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
