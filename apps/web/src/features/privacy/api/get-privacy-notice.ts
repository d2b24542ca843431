import type { PrivacyNoticeView } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, publicContract } from '../../../lib/contract-client';
import { privacyNoticeQueryKey } from './keys';

/** Open to anyone: one Alliance's notice. 404 for an id that is no Alliance. */
export function getPrivacyNotice(allianceId: string, signal?: AbortSignal): Promise<PrivacyNoticeView> {
  return answer(publicContract.GET('/api/privacy-notices/{allianceId}', { params: { path: { allianceId } }, signal }));
}

export function usePrivacyNotice(allianceId: string | null) {
  return useQuery(
    queryOptions({
      queryKey: privacyNoticeQueryKey(allianceId ?? ''),
      queryFn: ({ signal }) => getPrivacyNotice(allianceId!, signal),
      enabled: allianceId !== null,
      retry: false,
    }),
  );
}
