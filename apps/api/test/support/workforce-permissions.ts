import { randomUUID } from 'node:crypto';
import { type MatrixRow, only } from './permission-matrix';

/** The cohort's month-6 conference in the matrix's world (set by permissions.e2e-spec.ts before the rows run). */
export const workforceSession = { id: '' };

const ALLIANCE_SIDE = ['admin', 'supervisor1', 'supervisor2'] as const;

/**
 * The wider workforce at the conference (issue #16, item 6): the Alliance's side of the session (an
 * administrator, the cohort's supervisor, the Alliance supervisor of a CCC attending) only; PCN supervisors and
 * CCCs are refused by their role.
 */
export const WORKFORCE_MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/sessions/:id/workforce (the conference)',
    method: 'get',
    path: () => `/api/sessions/${workforceSession.id}/workforce`,
    expect: only(200, ...ALLIANCE_SIDE),
  },
  {
    name: 'POST /api/sessions/:id/workforce',
    method: 'post',
    path: () => `/api/sessions/${workforceSession.id}/workforce`,
    body: {},
    expect: only(400, ...ALLIANCE_SIDE),
  },
  {
    name: 'PATCH /api/sessions/:id/workforce/:attendeeId',
    method: 'patch',
    path: () => `/api/sessions/${workforceSession.id}/workforce/${randomUUID()}`,
    body: {},
    expect: only(400, ...ALLIANCE_SIDE),
  },
  {
    name: 'DELETE /api/sessions/:id/workforce/:attendeeId (nobody of that id)',
    method: 'delete',
    path: () => `/api/sessions/${workforceSession.id}/workforce/${randomUUID()}`,
    expect: only(404, ...ALLIANCE_SIDE),
  },
];
