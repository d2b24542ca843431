/**
 * The sign-in page's calls, without React Query: the sign-in page opened first (app/sign-in-shell.tsx) makes them
 * before the SPA's code has come. The SPA's hooks over them are in login.ts and sso-providers.ts.
 */
import type { LoginRequest, LoginResponse, SsoProviderRef } from '@ccc/contracts';
import { answer, publicContract } from '../../../lib/contract-client';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  // Not authenticated: a 401 here means wrong credentials, not an ended session.
  return answer(publicContract.POST('/api/auth/login', { body: credentials }));
}

/** Open to all: the single sign-on buttons of the sign-in page (one per Alliance with a provider). */
export function getSsoProviders(signal?: AbortSignal): Promise<SsoProviderRef[]> {
  return answer(publicContract.GET('/api/auth/oidc/providers', { signal }));
}

/** Where a button sends the browser: the API redirects on to the provider. A full navigation, not a fetch. */
export function ssoStartUrl(slug: string): string {
  return `/api/auth/oidc/${encodeURIComponent(slug)}/start`;
}
