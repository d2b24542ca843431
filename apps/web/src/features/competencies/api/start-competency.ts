import type { CompetencyDetailResponse, StartCompetencyRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onCompetencyChanged } from './competency-changed';
import { competencyPath } from './get-competency';

/** The CCC starts working towards a competency. */
export function startCompetency(
  enrolmentId: string,
  code: string,
  body: StartCompetencyRequest,
): Promise<CompetencyDetailResponse> {
  return api.post<CompetencyDetailResponse>(`${competencyPath(enrolmentId, code)}/start`, body);
}

export function useStartCompetency(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartCompetencyRequest) => startCompetency(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
