import { SSO_ERRORS, type SsoError } from '@ccc/contracts';

/** What each refusal of a single sign-on means to the person, and what to do (the API's `?sso_error=`). */
const MESSAGES: Record<SsoError, string> = {
  unknown_provider: 'That way of signing in is not set up. Sign in with your email address and password.',
  provider_unavailable:
    'We could not reach your NHS account service. Try again in a few minutes, or sign in with your email address and password.',
  provider_refused: 'Your NHS account service did not sign you in. Try again.',
  flow_expired: 'Signing in took too long or was started in another window. Try again.',
  state_mismatch: 'We could not check that this sign-in was started here. Try again.',
  code_rejected: 'This sign-in link has already been used. Try again.',
  token_invalid:
    'Your NHS account service sent a sign-in we could not trust. Try again, or contact your administrator.',
  token_expired: 'The sign-in from your NHS account service had expired. Try again.',
  claims_missing:
    'Your NHS account service did not tell us your email address. Ask your administrator to check the sign-in settings.',
  email_unverified:
    'Your NHS account service has not confirmed your email address. Confirm it there, or ask your administrator.',
  not_invited:
    'There is no account for that NHS email address in this service. Ask your programme administrator to invite you.',
  identity_conflict:
    'Your account here is linked to a different NHS account. Sign in with that one, or ask your administrator.',
  sso_failed: 'Something went wrong signing you in with your NHS account. Try again.',
};

/** The message for `?sso_error=`; null when there is none (an unknown code still gets the general message). */
export function ssoErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return (SSO_ERRORS as readonly string[]).includes(code) ? MESSAGES[code as SsoError] : MESSAGES.sso_failed;
}
