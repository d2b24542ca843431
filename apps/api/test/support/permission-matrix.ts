import type { World } from './world';

/**
 * The callers of the permission matrix (apps/api/test/permissions.e2e-spec.ts) and the shapes of its rows, shared by
 * the feature files that add rows. supervisor1 runs the cohort and supervises A and B; supervisor2 supervises C
 * only; pcnSupervisor1 is the PCN supervisor of A and B's PCN, pcnSupervisor2 of C's.
 */
export const CALLERS = [
  'anonymous',
  'admin',
  'supervisor1',
  'supervisor2',
  'pcnSupervisor1',
  'pcnSupervisor2',
  'cccA',
  'cccB',
  'cccC',
] as const;
export type Caller = (typeof CALLERS)[number];

export interface MatrixRow {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (w: World) => string;
  /** The request body, or a function of the world for one that names its records. */
  body?: object | ((w: World) => object);
  expect: Record<Caller, number>;
}

/** One status for every signed-in caller (anonymous: 401). */
export const everyone = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 401 : status])) as Record<Caller, number>;

/** `status` for these callers, 403 for the other signed-in ones, 401 for anonymous. */
export const only = (status: number, ...callers: Caller[]): Record<Caller, number> => ({
  ...everyone(403),
  ...Object.fromEntries(callers.map((c) => [c, status])),
});

/** Reading CCC A's records: A, their Alliance and PCN supervisors, and administrators. */
export const readsA = only(200, 'admin', 'supervisor1', 'pcnSupervisor1', 'cccA');
