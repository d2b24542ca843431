import type { PeoplePage, PersonListItem } from '@ccc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
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

/** One page of the people list, searched by the API (`q`: words each in the name, e-mail or an organisation). */
export function getPeoplePage(page: number, pageSize: number, q: string, signal?: AbortSignal): Promise<PeoplePage> {
  return answer(
    contract.GET('/api/people/page', {
      params: { query: { page, pageSize, ...(q.trim() ? { q: q.trim() } : {}) } },
      signal,
    }),
  );
}

/** Under `peopleQueryKey`, so an invitation or a change reloads the page shown as it does the whole list. */
export function usePeoplePage(page: number, pageSize: number, q: string) {
  return useQuery({
    queryKey: [...peopleQueryKey, 'page', { page, pageSize, q: q.trim() }] as const,
    queryFn: ({ signal }) => getPeoplePage(page, pageSize, q, signal),
    // The previous page stays on screen while the next (or the next search) loads, so the table does not flicker.
    placeholderData: keepPreviousData,
  });
}
