import type { SsoProviderRef } from '@ccc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const ssoProvidersQueryKey = ['sso-providers'] as const;

/** Open to all: the single sign-on buttons of the sign-in page (one per Alliance with a provider). */
export function getSsoProviders(signal?: AbortSignal): Promise<SsoProviderRef[]> {
  return api.get<SsoProviderRef[]>('/auth/oidc/providers', { signal, authenticated: false });
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
