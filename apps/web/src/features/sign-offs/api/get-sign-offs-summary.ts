import type { SignOffsSummary } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, contract } from '../../../lib/contract-client';
import { signOffsQueryKeyRoot } from './get-my-sign-offs';

/** Under the sign-offs root, so that signing anything refreshes the counts too. */
export const signOffsSummaryQueryKey = [...signOffsQueryKeyRoot, 'summary'] as const;

/** The counts each home page shows, without the lists. */
export function getSignOffsSummary(signal?: AbortSignal): Promise<SignOffsSummary> {
  return answer(contract.GET('/api/sign-offs/summary', { signal }));
}

export function useSignOffsSummary(enabled = true) {
  return useQuery({
    ...queryOptions({ queryKey: signOffsSummaryQueryKey, queryFn: ({ signal }) => getSignOffsSummary(signal) }),
    enabled,
  });
}
