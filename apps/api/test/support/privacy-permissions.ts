import { type MatrixRow, everyone, only } from './permission-matrix';

/** The privacy notices (open to all, signed in or not) and the Alliance's policy (its administrators only). */
export const PRIVACY_MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/privacy-notices (open)',
    method: 'get',
    path: () => '/api/privacy-notices',
    expect: { ...everyone(200), anonymous: 200 },
  },
  {
    name: "GET /api/privacy-notices/:allianceId (the world's Alliance, open)",
    method: 'get',
    path: (w) => `/api/privacy-notices/${w.alliance.id}`,
    expect: { ...everyone(200), anonymous: 200 },
  },
  {
    name: 'GET /api/alliance-policy (administrators)',
    method: 'get',
    path: () => '/api/alliance-policy',
    expect: only(200, 'admin'),
  },
  {
    // An empty body reaches validation for an administrator only.
    name: 'PUT /api/alliance-policy (administrators)',
    method: 'put',
    path: () => '/api/alliance-policy',
    body: {},
    expect: only(400, 'admin'),
  },
];
