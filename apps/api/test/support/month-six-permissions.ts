import { randomUUID } from 'node:crypto';
import { type Caller, type MatrixRow, everyone, only, readsA } from './permission-matrix';

/** Only these roles pass the permission; with an empty body they reach validation (400), the others 403. */
const validatedFor = (...callers: Caller[]) => only(400, ...callers);
const ADMIN_AND_ALLIANCE: Caller[] = ['admin', 'supervisor1', 'supervisor2'];
const PARTIES: Caller[] = ['supervisor1', 'supervisor2', 'pcnSupervisor1', 'pcnSupervisor2', 'cccA', 'cccB', 'cccC'];
const RESPONDENTS: Caller[] = ['pcnSupervisor1', 'pcnSupervisor2', 'cccA', 'cccB', 'cccC'];
const reads = (...callers: Caller[]) => only(200, ...callers);

/** Month six (handover, survey, outcomes, amendments), the cohort report and programme administration. */
export const MONTH_SIX_MATRIX: MatrixRow[] = [
  {
    name: "GET /api/enrolments/:id/handover (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/handover`,
    expect: readsA,
  },
  {
    // The three parties write and sign (their own CCC's only: decided after validation, see month-six tests).
    name: 'PUT /api/enrolments/:id/handover',
    method: 'put',
    path: (w) => `/api/enrolments/${w.enrolments.A}/handover`,
    body: {},
    expect: validatedFor(...PARTIES),
  },
  {
    name: 'POST /api/enrolments/:id/handover/sign',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/handover/sign`,
    body: {},
    expect: validatedFor(...PARTIES),
  },
  {
    // Each respondent reads only their own response: the CCC, or a PCN supervisor of the CCC's PCN.
    name: "GET /api/enrolments/:id/survey (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/survey`,
    expect: reads('pcnSupervisor1', 'cccA'),
  },
  {
    name: 'PUT /api/enrolments/:id/survey',
    method: 'put',
    path: (w) => `/api/enrolments/${w.enrolments.A}/survey`,
    body: {},
    expect: validatedFor(...RESPONDENTS),
  },
  {
    name: 'POST /api/enrolments/:id/survey/submit',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/survey/submit`,
    body: {},
    expect: validatedFor(...RESPONDENTS),
  },
  {
    name: "GET /api/enrolments/:id/outcomes (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/outcomes`,
    expect: readsA,
  },
  {
    name: 'PUT /api/enrolments/:id/outcomes (only CCCs record)',
    method: 'put',
    path: (w) => `/api/enrolments/${w.enrolments.A}/outcomes`,
    body: {},
    expect: validatedFor('cccA', 'cccB', 'cccC'),
  },
  {
    name: "GET /api/enrolments/:id/amendments (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/amendments`,
    expect: readsA,
  },
  {
    name: 'POST /api/enrolments/:id/amendments',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/amendments`,
    body: {},
    expect: validatedFor(...ADMIN_AND_ALLIANCE),
  },
  {
    name: 'POST /api/enrolments/:id/withdraw (administrators)',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/withdraw`,
    body: {},
    expect: validatedFor('admin'),
  },
  {
    name: 'GET /api/reports/cohort',
    method: 'get',
    path: () => '/api/reports/cohort',
    expect: reads(...ADMIN_AND_ALLIANCE),
  },
  {
    name: 'GET /api/reports/cohort (a cohort supervisor2 only supervises in)',
    method: 'get',
    path: (w) => `/api/reports/cohort?cohortId=${w.cohort.id}`,
    expect: reads(...ADMIN_AND_ALLIANCE),
  },
  {
    name: 'GET /api/reports/cohort/export?format=csv',
    method: 'get',
    path: (w) => `/api/reports/cohort/export?format=csv&cohortId=${w.cohort.id}`,
    expect: reads(...ADMIN_AND_ALLIANCE),
  },
  {
    name: 'POST /api/cohorts (administrators)',
    method: 'post',
    path: () => '/api/cohorts',
    body: {},
    expect: validatedFor('admin'),
  },
  {
    name: 'GET /api/people',
    method: 'get',
    path: () => '/api/people',
    expect: reads(...ADMIN_AND_ALLIANCE),
  },
  {
    name: 'GET /api/organisations',
    method: 'get',
    path: () => '/api/organisations',
    expect: reads(...ADMIN_AND_ALLIANCE),
  },
  {
    name: 'POST /api/people/invitations (administrators)',
    method: 'post',
    path: () => '/api/people/invitations',
    body: {},
    expect: validatedFor('admin'),
  },
  {
    name: 'POST /api/people/:id/invitation (unknown person)',
    method: 'post',
    path: () => `/api/people/${randomUUID()}/invitation`,
    body: {},
    expect: { ...everyone(403), admin: 404 },
  },
  {
    name: 'POST /api/templates/:id/versions/validate (administrators)',
    method: 'post',
    path: (w) => `/api/templates/${w.template.id}/versions/validate`,
    body: {},
    expect: validatedFor('admin'),
  },
  {
    name: 'POST /api/templates/:id/versions (administrators)',
    method: 'post',
    path: (w) => `/api/templates/${w.template.id}/versions`,
    body: {},
    expect: validatedFor('admin'),
  },
  {
    // Open: the token is the credential; an unknown one is a 404 to everyone, signed in or not.
    name: 'GET /api/invitations/:token (unknown)',
    method: 'get',
    path: () => `/api/invitations/${'u'.repeat(43)}`,
    expect: { ...everyone(404), anonymous: 404 },
  },
  {
    name: 'POST /api/invitations/:token/password (no password)',
    method: 'post',
    path: () => `/api/invitations/${'u'.repeat(43)}/password`,
    body: {},
    expect: { ...everyone(400), anonymous: 400 },
  },
];
