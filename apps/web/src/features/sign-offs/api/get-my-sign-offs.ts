import type { MySignOffsQuery, MySignOffsResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';

/** Every sign-off query starts with this, so one invalidation after any signing refreshes them all. */
export const signOffsQueryKeyRoot = ['sign-offs'] as const;

export const mySignOffsQueryKey = (query: MySignOffsQuery) => [...signOffsQueryKeyRoot, query] as const;

/** The caller's own sign-offs: what awaits them, what they signed, what they wait on; filtered by the query. */
export function getMySignOffs(query: MySignOffsQuery, signal?: AbortSignal): Promise<MySignOffsResponse> {
  const { ccc, kind, month, signedPage, signedPageSize } = query;
  // An empty filter is no filter.
  const filters = { ccc: ccc || undefined, kind: kind || undefined, month, signedPage, signedPageSize };
  return answer(contract.GET('/api/sign-offs', { params: { query: filters }, signal }));
}

export function getMySignOffsQueryOptions(query: MySignOffsQuery) {
  return queryOptions({
    queryKey: mySignOffsQueryKey(query),
    queryFn: ({ signal }) => getMySignOffs(query, signal),
  });
}

export function useMySignOffs(query: MySignOffsQuery, enabled = true) {
  return useQuery({ ...getMySignOffsQueryOptions(query), enabled });
}
