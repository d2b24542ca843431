import { describe, expect, it } from '@jest/globals';
import { SSO_ERRORS } from '@ccc/contracts';
import { ssoErrorMessage } from './sso-errors';

describe('ssoErrorMessage', () => {
  it('explains every refusal the API can send', () => {
    for (const code of SSO_ERRORS) expect(ssoErrorMessage(code)).toMatch(/\.$/);
    expect(new Set(SSO_ERRORS.map(ssoErrorMessage)).size).toBe(SSO_ERRORS.length);
  });

  it('gives the general message for a code it does not know, and nothing without one', () => {
    expect(ssoErrorMessage('made-up')).toBe(ssoErrorMessage('sso_failed'));
    expect(ssoErrorMessage(null)).toBeNull();
    expect(ssoErrorMessage('')).toBeNull();
  });
});
