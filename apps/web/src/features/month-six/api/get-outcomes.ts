import type { OutcomesView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { outcomesQueryKey } from './keys';

/** The CCC's monthly counts of the outcomes the Alliance chose, by programme month. */
export function getOutcomes(enrolmentId: string, signal?: AbortSignal): Promise<OutcomesView> {
  return answer(contract.GET('/api/enrolments/{id}/outcomes', { params: { path: { id: enrolmentId } }, signal }));
}

export function getOutcomesQueryOptions(enrolmentId: string) {
  return queryOptions({
    queryKey: outcomesQueryKey(enrolmentId),
    queryFn: ({ signal }) => getOutcomes(enrolmentId, signal),
  });
}

export function useOutcomes(enrolmentId: string) {
  return useQuery(getOutcomesQueryOptions(enrolmentId));
}
