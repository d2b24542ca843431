import type { SsoProviderRef } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, publicContract } from '../../../lib/contract-client';

export const ssoProvidersQueryKey = ['sso-providers'] as const;

/** Open to all: the single sign-on buttons of the sign-in page (one per Alliance with a provider). */
export function getSsoProviders(signal?: AbortSignal): Promise<SsoProviderRef[]> {
  return answer(publicContract.GET('/api/auth/oidc/providers', { signal }));
}

export const ssoProvidersQuery = queryOptions({
  queryKey: ssoProvidersQueryKey,
  queryFn: ({ signal }) => getSsoProviders(signal),
  staleTime: 5 * 60_000,
});

export function useSsoProviders() {
  return useQuery(ssoProvidersQuery);
}

/** Where a button sends the browser: the API redirects on to the provider. A full navigation, not a fetch. */
export function ssoStartUrl(slug: string): string {
  return `/api/auth/oidc/${encodeURIComponent(slug)}/start`;
}
