import type { CompetencyDetailResponse } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onCompetencyChanged } from './competency-changed';

/** The CCC removes evidence no reviewer has decided on yet (a file's content is erased). */
export function removeEvidence(
  enrolmentId: string,
  code: string,
  evidenceId: string,
): Promise<CompetencyDetailResponse> {
  return answer(
    contract.DELETE('/api/enrolments/{id}/competencies/{code}/evidence/{evidenceId}', {
      params: { path: { id: enrolmentId, code, evidenceId } },
    }),
  );
}

export function useRemoveEvidence(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => removeEvidence(enrolmentId, code, evidenceId),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
