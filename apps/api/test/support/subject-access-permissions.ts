import { randomUUID } from 'node:crypto';
import { type MatrixRow, everyone, only } from './permission-matrix';

/** The subject-access export: the person themself, or an administrator of their Alliance; an unknown person is 404. */
export const SUBJECT_ACCESS_MATRIX: MatrixRow[] = [
  {
    name: "GET /api/people/:id/subject-access-export (CCC A's)",
    method: 'get',
    path: (w) => `/api/people/${w.people.cccA.id}/subject-access-export`,
    expect: only(200, 'admin', 'cccA'),
  },
  {
    name: "GET /api/people/:id/subject-access-export (supervisor1's)",
    method: 'get',
    path: (w) => `/api/people/${w.people.supervisor1.id}/subject-access-export`,
    expect: only(200, 'admin', 'supervisor1'),
  },
  {
    name: 'GET /api/people/:id/subject-access-export (unknown person)',
    method: 'get',
    path: () => `/api/people/${randomUUID()}/subject-access-export`,
    expect: everyone(404),
  },
];
