import type { SsoError } from '@ccc/contracts';
import * as client from 'openid-client';

/** A refused single sign-on: the browser goes back to the sign-in page with `?sso_error=<code>`, and it is audited. */
export class SsoRefused extends Error {
  /** The Alliance whose provider was being used, when known. */
  allianceId: string | null = null;

  constructor(
    readonly code: SsoError,
    readonly detail: string,
    readonly personId: string | null = null,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** The checks of openid-client (oauth4webapi) whose failure means a token not meant for us, or forged. */
const TOKEN_INVALID = new Set([
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_USERINFO_EXPECTED',
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_KEY_SELECTION_FAILED',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
]);

/** What an error of discovery, the code exchange or the ID token's checks means to the person signing in. */
export function refusalOf(error: unknown): SsoRefused {
  if (error instanceof SsoRefused) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof client.AuthorizationResponseError)
    return new SsoRefused('provider_refused', `${error.error}: ${error.error_description ?? ''}`.trim());
  if (error instanceof client.ResponseBodyError) {
    if (error.error === 'invalid_grant') return new SsoRefused('code_rejected', message);
    if (error.status >= 500) return new SsoRefused('provider_unavailable', message);
    return new SsoRefused('provider_refused', `${error.error}: ${message}`);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new SsoRefused('token_expired', message);
  if (typeof code === 'string' && TOKEN_INVALID.has(code)) return new SsoRefused('token_invalid', message);
  // fetch failing (refused connection, DNS, timeout), or an answer that is no provider's (HTML, a 5xx).
  if (
    // By name: fetch's errors come from Node's own realm, which is not the test runner's.
    (error as { name?: unknown } | null)?.name === 'TypeError' ||
    code === 'OAUTH_RESPONSE_IS_NOT_JSON' ||
    code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    (error as { name?: unknown } | null)?.name === 'AbortError' ||
    (error as { name?: unknown } | null)?.name === 'TimeoutError'
  )
    return new SsoRefused('provider_unavailable', message);
  // openid-client wraps some failures (a refused connection during discovery) in an error of its own.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause && cause !== error) {
    const inner = refusalOf(cause);
    if (inner.code !== 'sso_failed') return new SsoRefused(inner.code, `${message} (${inner.detail})`);
  }
  return new SsoRefused('sso_failed', message);
}
