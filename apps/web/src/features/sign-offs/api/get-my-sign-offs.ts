import type { MySignOffsQuery, MySignOffsResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Every sign-off query starts with this, so one invalidation after any signing refreshes them all. */
export const signOffsQueryKeyRoot = ['sign-offs'] as const;

export const mySignOffsQueryKey = (query: MySignOffsQuery) => [...signOffsQueryKeyRoot, query] as const;

/** The caller's own sign-offs: what awaits them, what they signed, what they wait on; filtered by the query. */
export function getMySignOffs(query: MySignOffsQuery, signal?: AbortSignal): Promise<MySignOffsResponse> {
  const params = new URLSearchParams();
  if (query.ccc) params.set('ccc', query.ccc);
  if (query.kind) params.set('kind', query.kind);
  if (query.month !== undefined) params.set('month', String(query.month));
  if (query.signedPage !== undefined) params.set('signedPage', String(query.signedPage));
  if (query.signedPageSize !== undefined) params.set('signedPageSize', String(query.signedPageSize));
  const search = params.toString();
  return api.get<MySignOffsResponse>(`/sign-offs${search ? `?${search}` : ''}`, { signal });
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
