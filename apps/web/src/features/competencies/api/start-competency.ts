import type { CompetencyDetailResponse, StartCompetencyRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onCompetencyChanged } from './competency-changed';

/** The CCC starts working towards a competency. */
export function startCompetency(
  enrolmentId: string,
  code: string,
  body: StartCompetencyRequest,
): Promise<CompetencyDetailResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/competencies/{code}/start', {
      params: { path: { id: enrolmentId, code } },
      body,
    }),
  );
}

export function useStartCompetency(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartCompetencyRequest) => startCompetency(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
