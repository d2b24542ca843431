import type { SurveyResponseView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enrolmentPath, surveyQueryKey } from './keys';

/** The caller's own survey response (or a blank one) and the statements and questions they are asked. */
export function getSurvey(enrolmentId: string, signal?: AbortSignal): Promise<SurveyResponseView> {
  return api.get<SurveyResponseView>(enrolmentPath(enrolmentId, 'survey'), { signal });
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
