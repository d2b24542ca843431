import type { PrivacyNoticeRef } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { privacyNoticesQueryKey } from './keys';

/** Open to anyone: the Alliances whose notice may be read before signing in. */
export function getPrivacyNotices(signal?: AbortSignal): Promise<PrivacyNoticeRef[]> {
  return api.get<PrivacyNoticeRef[]>('/privacy-notices', { signal, authenticated: false });
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
