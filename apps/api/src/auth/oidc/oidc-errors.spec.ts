import { describe, expect, it } from '@jest/globals';
import * as client from 'openid-client';
import { refusalOf, SsoRefused } from './oidc-errors';
import { isLoopbackHttp } from './oidc.service';

describe('refusalOf: what a failure of the OpenID flow means to the person signing in', () => {
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

  it('names the checks of the ID token', () => {
    expect(refusalOf(coded('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')).code).toBe('token_expired');
    expect(refusalOf(coded('OAUTH_JWT_CLAIM_COMPARISON_FAILED')).code).toBe('token_invalid');
    expect(refusalOf(coded('ERR_JWS_SIGNATURE_VERIFICATION_FAILED')).code).toBe('token_invalid');
  });

  it("tells an unreachable provider from one that refused, and looks inside openid-client's own errors", () => {
    expect(refusalOf(new TypeError('fetch failed')).code).toBe('provider_unavailable');
    expect(refusalOf(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).code).toBe(
      'provider_unavailable',
    );
    expect(refusalOf(coded('OAUTH_RESPONSE_IS_NOT_JSON')).code).toBe('provider_unavailable');
    const wrapped = Object.assign(new Error('something went wrong'), { cause: new TypeError('fetch failed') });
    expect(refusalOf(wrapped).code).toBe('provider_unavailable');
    const denied = new client.AuthorizationResponseError('denied', {
      cause: new URLSearchParams({ error: 'access_denied' }),
    });
    expect(refusalOf(denied).code).toBe('provider_refused');
  });

  it('keeps a refusal already decided, and calls anything else a failed sign-in', () => {
    const decided = new SsoRefused('not_invited', 'nobody');
    expect(refusalOf(decided)).toBe(decided);
    expect(refusalOf(new Error('odd')).code).toBe('sso_failed');
    expect(refusalOf('a string').code).toBe('sso_failed');
  });
});

describe('isLoopbackHttp: plain HTTP only for a provider on this machine', () => {
  it.each([
    ['http://127.0.0.1:3001', true],
    ['http://localhost:3001', true],
    ['http://[::1]:3001', true],
    ['https://login.microsoftonline.com/tenant/v2.0', false],
    ['http://login.example.org', false],
    ['http://127.0.0.1.example.org', false],
    ['not a url', false],
  ])('%s → %s', (issuer, expected) => {
    expect(isLoopbackHttp(issuer)).toBe(expected);
  });
});
