import type { CompetencyDetailResponse, SignOffRequest } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { onCompetencyChanged } from './competency-changed';

/** The CCC's own Alliance supervisor signs the competency off, with a rating and a comment. */
export function signOffCompetency(
  enrolmentId: string,
  code: string,
  body: SignOffRequest,
): Promise<CompetencyDetailResponse> {
  return answer(
    contract.POST('/api/enrolments/{id}/competencies/{code}/sign-off', {
      params: { path: { id: enrolmentId, code } },
      body,
    }),
  );
}

export function useSignOffCompetency(enrolmentId: string, code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignOffRequest) => signOffCompetency(enrolmentId, code, body),
    onSuccess: (view) => onCompetencyChanged(queryClient, view),
  });
}
