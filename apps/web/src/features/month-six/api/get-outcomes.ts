import type { OutcomesView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { enrolmentPath, outcomesQueryKey } from './keys';

/** The CCC's monthly counts of the outcomes the Alliance chose, by programme month. */
export function getOutcomes(enrolmentId: string, signal?: AbortSignal): Promise<OutcomesView> {
  return api.get<OutcomesView>(enrolmentPath(enrolmentId, 'outcomes'), { signal });
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
