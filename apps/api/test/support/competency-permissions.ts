import { randomUUID } from 'node:crypto';
import { DEFAULT_FRAMEWORK_ID } from '../../src/competencies/competency-framework.entity';
import { type Caller, type MatrixRow, everyone, only, readsA } from './permission-matrix';
import type { World } from './world';

/** Administrators and Alliance supervisors only. */
const frameworkReaders = only(200, 'admin', 'supervisor1', 'supervisor2');
/** Only `allowed` get past the permission to validation (an empty body: 400). */
const onlyValidated = (...allowed: Caller[]) => only(400, ...allowed);
const CCCS: Caller[] = ['cccA', 'cccB', 'cccC'];
const ALLIANCE: Caller[] = ['supervisor1', 'supervisor2'];

const competencyOfA = (w: World, code = 'SN-01') => `/api/enrolments/${w.enrolments.A}/competencies/${code}`;
const unknownItem = randomUUID();

/** Rows of the permission matrix for competencies, the TNA, the training plan, drafts and the record. */
export const COMPETENCY_MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/competency-frameworks',
    method: 'get',
    path: () => '/api/competency-frameworks',
    expect: frameworkReaders,
  },
  {
    name: 'GET /api/competency-frameworks/:id',
    method: 'get',
    path: () => `/api/competency-frameworks/${DEFAULT_FRAMEWORK_ID}`,
    expect: frameworkReaders,
  },
  {
    name: 'GET /api/competency-frameworks/:id/export',
    method: 'get',
    path: () => `/api/competency-frameworks/${DEFAULT_FRAMEWORK_ID}/export?format=csv`,
    expect: frameworkReaders,
  },
  {
    name: 'POST /api/competency-frameworks/import (administrators)',
    method: 'post',
    path: () => '/api/competency-frameworks/import',
    body: {},
    expect: onlyValidated('admin'),
  },
  {
    name: 'PUT /api/cohorts/:id/competency-framework (administrators)',
    method: 'put',
    path: (w) => `/api/cohorts/${w.cohort.id}/competency-framework`,
    body: {},
    expect: onlyValidated('admin'),
  },
  {
    name: 'POST /api/cohorts/:id/competency-framework/move (administrators)',
    method: 'post',
    path: (w) => `/api/cohorts/${w.cohort.id}/competency-framework/move`,
    body: {},
    expect: onlyValidated('admin'),
  },
  { name: 'GET /api/competencies/inbox', method: 'get', path: () => '/api/competencies/inbox', expect: everyone(200) },
  {
    name: "GET /api/enrolments/:id/competencies (CCC A's grid)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/competencies`,
    expect: readsA,
  },
  {
    name: "GET /api/enrolments/:id/competencies/:code (CCC A's)",
    method: 'get',
    path: (w) => competencyOfA(w),
    expect: readsA,
  },
  ...(['start', 'evidence', 'evidence/file'] as const).map((action): MatrixRow => ({
    name: `POST /api/enrolments/:id/competencies/:code/${action} (CCCs)`,
    method: 'post',
    path: (w) => `${competencyOfA(w)}/${action}`,
    body: {},
    expect: onlyValidated(...CCCS),
  })),
  {
    name: 'DELETE /api/enrolments/:id/competencies/:code/evidence/:evidenceId (CCCs; unknown evidence)',
    method: 'delete',
    path: (w) => `${competencyOfA(w)}/evidence/${randomUUID()}`,
    // CCC A's own competency has no such evidence (404); everyone else may not remove CCC A's.
    expect: only(404, 'cccA'),
  },
  ...(['sign-off', 'return', 'withdraw-sign-off'] as const).map((action): MatrixRow => ({
    name: `POST /api/enrolments/:id/competencies/:code/${action} (Alliance supervisors)`,
    method: 'post',
    path: (w) => `${competencyOfA(w)}/${action}`,
    body: {},
    expect: onlyValidated(...ALLIANCE),
  })),
  {
    name: 'GET /api/evidence-files/:id (unknown id)',
    method: 'get',
    path: () => `/api/evidence-files/${randomUUID()}`,
    expect: everyone(404),
  },
  {
    name: "GET /api/enrolments/:id/record.pdf (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/record.pdf`,
    expect: readsA,
  },
  {
    name: "GET /api/enrolments/:id/tna (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/tna`,
    expect: readsA,
  },
  ...(['self-ratings', 'agreed-ratings'] as const).map((what): MatrixRow => ({
    name: `PUT /api/enrolments/:id/tna/:round/${what} (CCCs and Alliance supervisors)`,
    method: 'put',
    path: (w) => `/api/enrolments/${w.enrolments.A}/tna/1/${what}`,
    body: {},
    expect: onlyValidated(...CCCS, ...ALLIANCE),
  })),
  {
    name: 'POST /api/enrolments/:id/tna/:round/sign (CCCs and Alliance supervisors)',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/tna/1/sign`,
    body: {},
    expect: onlyValidated(...CCCS, ...ALLIANCE),
  },
  {
    name: "GET /api/enrolments/:id/training-plan (CCC A's)",
    method: 'get',
    path: (w) => `/api/enrolments/${w.enrolments.A}/training-plan`,
    expect: readsA,
  },
  {
    name: 'POST /api/enrolments/:id/training-plan-items (CCCs and Alliance supervisors)',
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/training-plan-items`,
    body: {},
    expect: onlyValidated(...CCCS, ...ALLIANCE),
  },
  ...(['patch', 'delete'] as const).map((method): MatrixRow => ({
    name: `${method.toUpperCase()} /api/training-plan-items/:id (CCCs and Alliance supervisors)`,
    method,
    path: () => `/api/training-plan-items/${unknownItem}`,
    body: {},
    expect: onlyValidated(...CCCS, ...ALLIANCE),
  })),
  ...(['accept', 'drop'] as const).map((what): MatrixRow => ({
    name: `POST /api/enrolments/:id/tna/:round/proposals/:code/${what} (CCCs and Alliance supervisors)`,
    method: 'post',
    path: (w) => `/api/enrolments/${w.enrolments.A}/tna/1/proposals/SN-01/${what}`,
    body: {},
    expect: onlyValidated(...CCCS, ...ALLIANCE),
  })),
  {
    name: 'POST /api/training-plan-items/:id/complete (CCCs)',
    method: 'post',
    path: () => `/api/training-plan-items/${unknownItem}/complete`,
    body: {},
    expect: onlyValidated(...CCCS),
  },
  {
    name: 'GET /api/drafts/:key (each their own)',
    method: 'get',
    path: () => '/api/drafts/matrix:test',
    expect: everyone(200),
  },
  {
    name: 'PUT /api/drafts/:key (each their own)',
    method: 'put',
    path: () => '/api/drafts/matrix:test',
    body: {},
    expect: everyone(400),
  },
  {
    name: 'DELETE /api/drafts/:key (each their own)',
    method: 'delete',
    path: () => '/api/drafts/matrix:test',
    expect: everyone(204),
  },
];
