import type { PrivacyNoticeRef } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, publicContract } from '../../../lib/contract-client';
import { privacyNoticesQueryKey } from './keys';

/** Open to anyone: the Alliances whose notice may be read before signing in. */
export function getPrivacyNotices(signal?: AbortSignal): Promise<PrivacyNoticeRef[]> {
  return answer(publicContract.GET('/api/privacy-notices', { signal }));
}

export function usePrivacyNotices({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery(
    queryOptions({
      queryKey: privacyNoticesQueryKey,
      queryFn: ({ signal }) => getPrivacyNotices(signal),
      staleTime: 5 * 60_000,
      enabled,
    }),
  );
}
