import type { CohortReport, CohortReportQuery } from '@ccc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The Alliance's cohort report for the filters: enrolment, sessions, development, release, survey, outcomes. */
export function getCohortReport(query: CohortReportQuery, signal?: AbortSignal): Promise<CohortReport> {
  const { cohortId, pcnId, from, to } = query;
  // An empty filter is no filter.
  const filters = {
    cohortId: cohortId || undefined,
    pcnId: pcnId || undefined,
    from: from || undefined,
    to: to || undefined,
  };
  return answer(contract.GET('/api/reports/cohort', { params: { query: filters }, signal }));
}

export function getCohortReportQueryOptions(query: CohortReportQuery) {
  return queryOptions({
    queryKey: queryKeys.cohortReport(query),
    queryFn: ({ signal }) => getCohortReport(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCohortReport(query: CohortReportQuery) {
  return useQuery(getCohortReportQueryOptions(query));
}
