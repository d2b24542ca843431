import { type MatrixRow, only } from './permission-matrix';

/**
 * Bulk import of people and the wider workforce at the conference (issue #16, items 5 and 6). The imports are
 * multipart: with no file an administrator reaches validation (400), everyone else is refused (403).
 */
export const PEOPLE_IMPORT_MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/people/imports/template.csv',
    method: 'get',
    path: () => '/api/people/imports/template.csv',
    expect: only(200, 'admin'),
  },
  {
    name: 'POST /api/people/imports/dry-run',
    method: 'post',
    path: () => '/api/people/imports/dry-run',
    body: {},
    expect: only(400, 'admin'),
  },
  {
    name: 'POST /api/people/imports',
    method: 'post',
    path: () => '/api/people/imports',
    body: {},
    expect: only(400, 'admin'),
  },
];
