import { type MatrixRow, everyone } from './permission-matrix';

/** The national figures: national viewers only (none is among the matrix's callers, so everyone here gets 403). */
export const NATIONAL_MATRIX: MatrixRow[] = [
  {
    name: 'GET /api/national/summary (national viewers)',
    method: 'get',
    path: () => '/api/national/summary',
    expect: everyone(403),
  },
  {
    name: 'GET /api/national/summary.csv (national viewers)',
    method: 'get',
    path: () => '/api/national/summary.csv',
    expect: everyone(403),
  },
];
