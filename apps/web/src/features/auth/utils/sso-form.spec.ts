import { describe, expect, it } from '@jest/globals';
import type { SsoSettingsView } from '@ccc/contracts';
import { ssoValues, toSsoRequest, validateSso } from './sso-form';

const EMPTY: SsoSettingsView = {
  allianceId: 'a',
  allianceName: 'Wessex',
  provider: null,
  version: 0,
  redirectUri: 'https://ccc.example.org/api/auth/oidc/callback',
  postLogoutRedirectUri: 'https://ccc.example.org/sign-in',
  secretVariable: null,
  secretFound: false,
  requiredPeople: [],
};

describe('the single sign-on form', () => {
  it('starts from NHSmail-like defaults and asks for what is missing', () => {
    const values = ssoValues(EMPTY);
    expect(values).toEqual(expect.objectContaining({ label: 'Sign in with NHSmail', scopes: 'openid email profile' }));
    expect(Object.keys(validateSso(values)).sort()).toEqual(['clientId', 'issuer', 'slug']);
  });

  it('accepts an Entra ID issuer, and plain http only on this machine', () => {
    const base = { ...ssoValues(EMPTY), slug: 'wessex', clientId: 'client' };
    expect(validateSso({ ...base, issuer: 'https://login.microsoftonline.com/tenant/v2.0' })).toEqual({});
    expect(validateSso({ ...base, issuer: 'http://127.0.0.1:3001' })).toEqual({});
    expect(validateSso({ ...base, issuer: 'http://login.example.org' }).issuer).toMatch(/https/);
    expect(validateSso({ ...base, issuer: 'https://x', scopes: 'email' }).scopes).toBe(
      'The scopes must include openid',
    );
  });

  it('sends blanks as null and the version read', () => {
    const request = toSsoRequest(
      { ...ssoValues(EMPTY), slug: ' wessex ', issuer: 'https://x', clientId: 'c', scopes: 'openid  email' },
      3,
    );
    expect(request).toEqual(
      expect.objectContaining({
        slug: 'wessex',
        clientSecretFile: null,
        acrValues: null,
        scopes: 'openid email',
        version: 3,
      }),
    );
  });
});
