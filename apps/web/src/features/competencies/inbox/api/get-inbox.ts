import type { SignOffInboxResponse } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../../lib/contract-client';

/**
 * The sign-off inbox: for an Alliance supervisor, evidence waiting for their review across the caseload (oldest
 * first); for a CCC, what was returned to them (newest first).
 */
export function getInbox(signal?: AbortSignal): Promise<SignOffInboxResponse> {
  return answer(contract.GET('/api/competencies/inbox', { signal }));
}

export const inboxQueryKey = ['competencies', 'inbox'] as const;

export function getInboxQueryOptions() {
  return queryOptions({ queryKey: inboxQueryKey, queryFn: ({ signal }) => getInbox(signal) });
}

export function useInbox(enabled = true) {
  return useQuery({ ...getInboxQueryOptions(), enabled });
}
