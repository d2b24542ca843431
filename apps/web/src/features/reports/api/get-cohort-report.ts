import type { CohortReport, CohortReportQuery } from '@ccc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportQueryString } from '../utils/report';

/** The Alliance's cohort report for the filters: enrolment, sessions, development, release, survey, outcomes. */
export function getCohortReport(query: CohortReportQuery, signal?: AbortSignal): Promise<CohortReport> {
  return api.get<CohortReport>(`/reports/cohort${reportQueryString(query)}`, { signal });
}

export function getCohortReportQueryOptions(query: CohortReportQuery) {
  return queryOptions({
    queryKey: ['reports', 'cohort', query] as const,
    queryFn: ({ signal }) => getCohortReport(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCohortReport(query: CohortReportQuery) {
  return useQuery(getCohortReportQueryOptions(query));
}
