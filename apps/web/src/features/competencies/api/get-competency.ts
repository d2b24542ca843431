import type { CompetencyDetailResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { competencyGridQueryKey } from './get-competency-grid';

/** One competency of a CCC: guidance, its evidence and reviews (oldest first), and what the caller may do. */
export function getCompetency(
  enrolmentId: string,
  code: string,
  signal?: AbortSignal,
): Promise<CompetencyDetailResponse> {
  return answer(
    contract.GET('/api/enrolments/{id}/competencies/{code}', { params: { path: { id: enrolmentId, code } }, signal }),
  );
}

export function competencyQueryKey(enrolmentId: string, code: string) {
  return [...competencyGridQueryKey(enrolmentId), code] as const;
}

export function getCompetencyQueryOptions(enrolmentId: string, code: string) {
  return queryOptions({
    queryKey: competencyQueryKey(enrolmentId, code),
    queryFn: ({ signal }) => getCompetency(enrolmentId, code, signal),
  });
}

export function useCompetency(enrolmentId: string, code: string) {
  return useQuery(getCompetencyQueryOptions(enrolmentId, code));
}

/** The path of a competency's own actions. */
export function competencyPath(enrolmentId: string, code: string): string {
  return `/enrolments/${encodeURIComponent(enrolmentId)}/competencies/${encodeURIComponent(code)}`;
}
