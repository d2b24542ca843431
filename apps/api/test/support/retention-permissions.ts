import { randomUUID } from 'node:crypto';
import { type MatrixRow, everyone, only } from './permission-matrix';

/** Retention and erasure of personal data: the Alliance's administrator only. */
export const RETENTION_MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/retention (administrators)',
    method: 'get',
    path: () => '/api/retention',
    expect: only(200, 'admin'),
  },
  {
    // With no reason the administrator meets validation (400); CCC A's is active, so a reason would meet 409.
    name: "POST /api/enrolments/:id/erasure (CCC A's, no reason)",
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/erasure`,
    body: {},
    expect: only(400, 'admin'),
  },
  {
    name: "POST /api/enrolments/:id/erasure (CCC A's, still active)",
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/erasure`,
    body: { reason: 'Asked to be forgotten' },
    expect: only(409, 'admin'),
  },
  {
    name: 'POST /api/enrolments/:id/erasure (unknown enrolment)',
    method: 'post',
    path: () => `/api/enrolments/${randomUUID()}/erasure`,
    body: { reason: 'Asked to be forgotten' },
    expect: { ...everyone(403), admin: 404 },
  },
];
