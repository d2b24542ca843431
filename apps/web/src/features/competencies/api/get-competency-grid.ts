import type { CompetencyGridResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** Domains × competencies of a CCC's framework, each with its state and what the caller may do next. */
export function getCompetencyGrid(enrolmentId: string, signal?: AbortSignal): Promise<CompetencyGridResponse> {
  return answer(contract.GET('/api/enrolments/{id}/competencies', { params: { path: { id: enrolmentId } }, signal }));
}

export function competencyGridQueryKey(enrolmentId: string) {
  return ['enrolments', enrolmentId, 'competencies'] as const;
}

export function getCompetencyGridQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: competencyGridQueryKey(enrolmentId),
    queryFn: ({ signal }) => getCompetencyGrid(enrolmentId, signal),
  });
}

export function useCompetencyGrid(enrolmentId: string) {
  return useQuery(getCompetencyGridQueryOptions(enrolmentId));
}
