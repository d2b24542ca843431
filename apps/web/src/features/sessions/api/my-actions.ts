import type { MarkActionDoneRequest, OpenActionView } from '@ccc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { sessionsQueryKey } from './get-session';

/** The caller's own open agreed actions, soonest due first. */
export function getMyActions(signal?: AbortSignal): Promise<OpenActionView[]> {
  return answer(contract.GET('/api/me/agreed-actions', { signal }));
}

export const myActionsQueryKey = ['me', 'agreed-actions'] as const;

export function getMyActionsQueryOptions() {
  return queryOptions({ queryKey: myActionsQueryKey, queryFn: ({ signal }) => getMyActions(signal) });
}

export function useMyActions() {
  return useQuery(getMyActionsQueryOptions());
}

/** The owner marks an agreed action done. */
export function markActionDone(actionId: string, body: MarkActionDoneRequest): Promise<OpenActionView> {
  return answer(contract.POST('/api/agreed-actions/{id}/done', { params: { path: { id: actionId } }, body }));
}

export function useMarkActionDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, version }: { actionId: string; version: number }) => markActionDone(actionId, { version }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: myActionsQueryKey }),
        queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
      ]);
    },
  });
}
