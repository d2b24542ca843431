import type { DraftView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';

/** The signed-in person's own draft under `key`; `content` is null when there is none. */
export function getDraft(key: string, signal?: AbortSignal): Promise<DraftView> {
  return answer(contract.GET('/api/drafts/{key}', { params: { path: { key } }, signal }));
}

export function draftQueryKey(key: string) {
  return ['drafts', key] as const;
}

export function getDraftQueryOptions(key: string) {
  return queryOptions({
    queryKey: draftQueryKey(key),
    queryFn: ({ signal }) => getDraft(key, signal),
    // Always read afresh when a form opens: the draft may have been saved in another tab or on another day.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useDraft(key: string, enabled = true) {
  return useQuery({ ...getDraftQueryOptions(key), enabled });
}
