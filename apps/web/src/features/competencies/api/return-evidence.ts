import type { CompetencyDetailResponse, ReturnEvidenceRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onCompetencyChanged } from './competency-changed';
import { competencyPath } from './get-competency';

/** Back to the CCC, saying what more evidence is needed. */
export function returnEvidence(
  enrolmentId: string,
  code: string,
  body: ReturnEvidenceRequest,
): Promise<CompetencyDetailResponse> {
  return api.post<CompetencyDetailResponse>(`${competencyPath(enrolmentId, code)}/return`, body);
}

export function useReturnEvidence(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReturnEvidenceRequest) => returnEvidence(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
