/** Single sign-on by OpenID Connect (issue #22): shapes shared by the API and the SPA. */

/** A button on the sign-in page: GET /api/auth/oidc/providers. */
export interface SsoProviderRef {
  slug: string;
  /** e.g. "Sign in with NHSmail" */
  label: string;
  allianceName: string;
}

/**
 * Why a single sign-on was refused: the SPA's sign-in page reads it from `?sso_error=` and explains it. The
 * API audits each refusal.
 */
export const SSO_ERRORS = [
  'unknown_provider',
  'provider_unavailable',
  'provider_refused',
  'flow_expired',
  'state_mismatch',
  'code_rejected',
  'token_invalid',
  'token_expired',
  'claims_missing',
  'email_unverified',
  'not_invited',
  'identity_conflict',
  'sso_failed',
] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

/** What the administrator edits (PUT /api/alliance-sso); the client secret is never among them. */
export interface SsoProviderFields {
  slug: string;
  label: string;
  issuer: string;
  clientId: string;
  /** A file holding the client secret; null: the environment variable `secretVariable`, or none (public client). */
  clientSecretFile: string | null;
  scopes: string;
  acrValues: string | null;
  emailClaim: string;
  subjectClaim: string;
  requireVerifiedEmail: boolean;
  enabled: boolean;
  /** Everyone of the Alliance must use single sign-on: password sign-in is refused. */
  ssoRequired: boolean;
}

/** PUT /api/alliance-sso */
export interface SaveSsoProviderRequest extends SsoProviderFields {
  /** The version read; 0 while the Alliance has no provider. */
  version: number;
}

export interface SsoRequiredPersonView {
  personId: string;
  fullName: string;
  email: string;
}

/** GET /api/alliance-sso: the acting Alliance's provider (null: none yet; `version` 0). */
export interface SsoSettingsView {
  allianceId: string;
  allianceName: string;
  provider: SsoProviderFields | null;
  version: number;
  /** The address to register at the provider as the redirect URI. */
  redirectUri: string;
  /** The address to register as the post-logout redirect URI. */
  postLogoutRedirectUri: string;
  /** The environment variable the client secret is read from when no file is named. */
  secretVariable: string | null;
  /** Whether a client secret was found (its value is never shown). */
  secretFound: boolean;
  /** People who must sign in with the provider even when the whole Alliance need not. */
  requiredPeople: SsoRequiredPersonView[];
}

/** POST /api/auth/logout when the session came from single sign-on: where to end the provider's session too. */
export interface LogoutResponse {
  endSessionUrl: string | null;
}

/** `OIDC_<SLUG>_CLIENT_SECRET`: the environment variable holding a provider's client secret. */
export function ssoSecretVariable(slug: string): string {
  return `OIDC_${slug.toUpperCase().replace(/-/g, '_')}_CLIENT_SECRET`;
}
