import type { PersonListItem } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { queryKeys } from '../../../lib/query-keys';

/** The people of the caller's Alliance and its PCNs, with their roles and whether an invitation is pending. */
export function getPeople(signal?: AbortSignal): Promise<PersonListItem[]> {
  return answer(contract.GET('/api/people', { signal }));
}

export const peopleQueryKey = queryKeys.people.all;

export function getPeopleQueryOptions() {
  return queryOptions({ queryKey: peopleQueryKey, queryFn: ({ signal }) => getPeople(signal) });
}

export function usePeople() {
  return useQuery(getPeopleQueryOptions());
}
