import { type MatrixRow, everyone, only } from './permission-matrix';

/**
 * Single sign-on: the sign-in page's buttons and the two redirects are open (nobody is signed in yet); the
 * Alliance's settings are its administrators' only.
 */
export const SSO_MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/auth/oidc/providers (open)',
    method: 'get',
    path: () => '/api/auth/oidc/providers',
    expect: { ...everyone(200), anonymous: 200 },
  },
  {
    // An unknown provider: back to the sign-in page with the reason, whoever asks.
    name: 'GET /api/auth/oidc/:slug/start (open, a redirect)',
    method: 'get',
    path: () => '/api/auth/oidc/no-such-provider/start',
    expect: { ...everyone(302), anonymous: 302 },
  },
  {
    // No flow cookie: back to the sign-in page with the reason, whoever asks.
    name: 'GET /api/auth/oidc/callback (open, a redirect)',
    method: 'get',
    path: () => '/api/auth/oidc/callback?code=x&state=y',
    expect: { ...everyone(302), anonymous: 302 },
  },
  {
    name: 'GET /api/alliance-sso (administrators)',
    method: 'get',
    path: () => '/api/alliance-sso',
    expect: only(200, 'admin'),
  },
  {
    // An empty body reaches validation for an administrator only.
    name: 'PUT /api/alliance-sso (administrators)',
    method: 'put',
    path: () => '/api/alliance-sso',
    body: {},
    expect: only(400, 'admin'),
  },
  {
    name: 'PUT /api/alliance-sso/people/:personId (administrators)',
    method: 'put',
    path: (w) => `/api/alliance-sso/people/${w.people.cccA.id}`,
    body: {},
    expect: only(400, 'admin'),
  },
];
