import type { SaveSurveyRequest, SurveyResponseView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { surveyQueryKey } from './keys';

/** Saves the answers as a draft, to finish later. */
export function saveSurvey(enrolmentId: string, body: SaveSurveyRequest): Promise<SurveyResponseView> {
  return answer(contract.PUT('/api/enrolments/{id}/survey', { params: { path: { id: enrolmentId } }, body }));
}

export function useSaveSurvey(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSurveyRequest) => saveSurvey(enrolmentId, body),
    onSuccess: (view) => queryClient.setQueryData(surveyQueryKey(enrolmentId), view),
  });
}
