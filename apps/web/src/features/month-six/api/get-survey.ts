import type { SurveyResponseView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { surveyQueryKey } from './keys';

/** The caller's own survey response (or a blank one) and the statements and questions they are asked. */
export function getSurvey(enrolmentId: string, signal?: AbortSignal): Promise<SurveyResponseView> {
  return answer(contract.GET('/api/enrolments/{id}/survey', { params: { path: { id: enrolmentId } }, signal }));
}

export function getSurveyQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: surveyQueryKey(enrolmentId),
    queryFn: ({ signal }) => getSurvey(enrolmentId, signal),
  });
}

export function useSurvey(enrolmentId: string) {
  return useQuery(getSurveyQueryOptions(enrolmentId));
}
