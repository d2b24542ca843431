import type { CompetencyDetailResponse, SignOffRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { onCompetencyChanged } from './competency-changed';
import { competencyPath } from './get-competency';

/** The CCC's own Alliance supervisor signs the competency off, with a rating and a comment. */
export function signOffCompetency(
  enrolmentId: string,
  code: string,
  body: SignOffRequest,
): Promise<CompetencyDetailResponse> {
  return api.post<CompetencyDetailResponse>(`${competencyPath(enrolmentId, code)}/sign-off`, body);
}

export function useSignOffCompetency(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignOffRequest) => signOffCompetency(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
