import type { SaveSurveyRequest, SurveyResponseView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enrolmentPath, surveyQueryKey } from './keys';

/** Saves the answers as a draft, to finish later. */
export function saveSurvey(enrolmentId: string, body: SaveSurveyRequest): Promise<SurveyResponseView> {
  return api.put<SurveyResponseView>(enrolmentPath(enrolmentId, 'survey'), body);
}

export function useSaveSurvey(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSurveyRequest) => saveSurvey(enrolmentId, body),
    onSuccess: (view) => queryClient.setQueryData(surveyQueryKey(enrolmentId), view),
  });
}
