import { randomUUID } from 'node:crypto';
import { type MatrixRow, everyone, only, readsA } from './permission-matrix';

/**
 * Correcting what was made (#16, items 1–4): the Alliance's administrator only. Bodies without a version meet
 * validation (400), so the administrator's row changes nothing; an unknown id is a 404 to the administrator and a
 * 403 to the roles that may not use the route at all.
 */
export const ADMINISTRATION_MATRIX: MatrixRow[] = [
  {
    name: 'PATCH /api/cohorts/:id (no version)',
    method: 'patch',
    path: (w) => `/api/cohorts/${w.cohort.id}`,
    body: { name: 'Renamed' },
    expect: only(400, 'admin'),
  },
  {
    name: 'PATCH /api/cohorts/:id (unknown cohort)',
    method: 'patch',
    path: () => `/api/cohorts/${randomUUID()}`,
    body: { name: 'Renamed', version: 1 },
    expect: { ...everyone(403), admin: 404 },
  },
  {
    name: 'POST /api/cohorts/:id/close (no version)',
    method: 'post',
    path: (w) => `/api/cohorts/${w.cohort.id}/close`,
    body: {},
    expect: only(400, 'admin'),
  },
  {
    name: 'DELETE /api/cohorts/:id (no version)',
    method: 'delete',
    path: (w) => `/api/cohorts/${w.cohort.id}`,
    body: {},
    expect: only(400, 'admin'),
  },
  {
    name: 'DELETE /api/cohorts/:id (unknown cohort)',
    method: 'delete',
    path: () => `/api/cohorts/${randomUUID()}`,
    body: { version: 1 },
    expect: { ...everyone(403), admin: 404 },
  },
];

/** PCNs of the administrator's Alliance. */
export const ORGANISATION_MATRIX: MatrixRow[] = [
  {
    name: 'POST /api/organisations (no name)',
    method: 'post',
    path: () => '/api/organisations',
    body: {},
    expect: only(400, 'admin'),
  },
  {
    name: 'PATCH /api/organisations/:id (PCN one, no version)',
    method: 'patch',
    path: (w) => `/api/organisations/${w.pcn1.id}`,
    body: { name: 'Renamed PCN' },
    expect: only(400, 'admin'),
  },
  {
    name: 'POST /api/organisations/:id/close (unknown PCN)',
    method: 'post',
    path: () => `/api/organisations/${randomUUID()}/close`,
    body: { version: 1 },
    expect: { ...everyone(403), admin: 404 },
  },
];

/** Enrolment changes: the administrator changes; whoever reads the enrolment reads its history. */
export const ENROLMENT_CHANGE_MATRIX: MatrixRow[] = [
  {
    name: "PATCH /api/enrolments/:id (CCC A's, no version)",
    method: 'patch',
    path: (w) => `/api/enrolments/${w.enrolments.A}`,
    body: (w) => ({ allianceSupervisorId: w.people.supervisor2.id, effectiveFrom: w.startDate, reason: 'Moved' }),
    expect: only(400, 'admin'),
  },
  {
    // CCC A's enrolment is active: nothing to reinstate.
    name: "POST /api/enrolments/:id/reinstate (CCC A's, active)",
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/reinstate`,
    body: { version: 1 },
    expect: only(409, 'admin'),
  },
  {
    // CCC A's enrolment is active: nothing to reopen.
    name: "POST /api/enrolments/:id/reopen (CCC A's, active)",
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/reopen`,
    body: { version: 1, reason: 'Signed too early' },
    expect: only(409, 'admin'),
  },
  {
    name: 'DELETE /api/enrolments/:id (unknown enrolment)',
    method: 'delete',
    path: () => `/api/enrolments/${randomUUID()}`,
    body: { version: 1 },
    expect: { ...everyone(403), admin: 404 },
  },
  {
    name: "GET /api/enrolments/:id/changes (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/changes`,
    expect: readsA,
  },
  {
    name: "POST /api/enrolments/:id/pause (CCC A's, no version)",
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/pause`,
    body: (w) => ({ from: w.startDate, reason: 'Leave' }),
    expect: only(400, 'admin'),
  },
  {
    // CCC A's enrolment is not paused: nothing to preview.
    name: "POST /api/enrolments/:id/resume/preview (CCC A's, not paused)",
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/resume/preview`,
    body: (w) => ({ from: w.startDate, shift: true, version: 1 }),
    expect: only(409, 'admin'),
  },
  {
    name: 'POST /api/enrolments/:id/resume (unknown enrolment)',
    method: 'post',
    path: () => `/api/enrolments/${randomUUID()}/resume`,
    body: (w) => ({ from: w.startDate, shift: false, version: 1 }),
    expect: { ...everyone(403), admin: 404 },
  },
  {
    // Nobody of a new world was replaced as a supervisor: no one has anything to read here (the API test
    // enrolment-pause.e2e-spec.ts has the former supervisor's 200).
    name: "GET /api/enrolments/:id/signed-by-me (CCC A's, no supervisor replaced)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/signed-by-me`,
    expect: everyone(403),
  },
];

/** People of the Alliance: the administrator corrects them. */
export const PEOPLE_ADMIN_MATRIX: MatrixRow[] = [
  {
    name: "PATCH /api/people/:id (CCC A's, no version)",
    method: 'patch',
    path: (w) => `/api/people/${w.people.cccA.id}`,
    body: { fullName: 'Renamed' },
    expect: only(400, 'admin'),
  },
  {
    // CCC A is on the programme: the role is in use.
    name: "POST /api/people/:id/roles/end (CCC A's role, in use)",
    method: 'post',
    path: (w) => `/api/people/${w.people.cccA.id}/roles/end`,
    body: (w) => ({ role: 'ccc', organisationId: w.pcn1.id }),
    expect: only(409, 'admin'),
  },
  {
    name: 'POST /api/people/:id/deactivate (unknown person)',
    method: 'post',
    path: () => `/api/people/${randomUUID()}/deactivate`,
    body: { version: 1 },
    expect: { ...everyone(403), admin: 404 },
  },
  {
    // Open: the token is the credential; one nobody holds is unknown to everyone.
    name: 'POST /api/email-confirmations/:token (unknown link)',
    method: 'post',
    path: () => `/api/email-confirmations/${'x'.repeat(43)}`,
    expect: { ...everyone(404), anonymous: 404 },
  },
];
