import type { CompetencyDetailResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onCompetencyChanged } from './competency-changed';
import { competencyPath } from './get-competency';

/** The CCC removes evidence no reviewer has decided on yet (a file's content is erased). */
export function removeEvidence(
  enrolmentId: string,
  code: string,
  evidenceId: string,
): Promise<CompetencyDetailResponse> {
  return api.delete<CompetencyDetailResponse>(
    `${competencyPath(enrolmentId, code)}/evidence/${encodeURIComponent(evidenceId)}`,
  );
}

export function useRemoveEvidence(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => removeEvidence(enrolmentId, code, evidenceId),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
