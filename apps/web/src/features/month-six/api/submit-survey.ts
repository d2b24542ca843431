import type { SaveSurveyRequest, SurveyResponseView } from '@ccc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { surveyQueryKey } from './keys';

/** Saves and submits the answers; they can no longer be changed. */
export function submitSurvey(enrolmentId: string, body: SaveSurveyRequest): Promise<SurveyResponseView> {
  return answer(contract.POST('/api/enrolments/{id}/survey/submit', { params: { path: { id: enrolmentId } }, body }));
}

export function useSubmitSurvey(enrolmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSurveyRequest) => submitSurvey(enrolmentId, body),
    onSuccess: (view) => queryClient.setQueryData(surveyQueryKey(enrolmentId), view),
  });
}
