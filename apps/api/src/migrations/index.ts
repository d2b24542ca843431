import { Initial1795613422671 } from './1795613422671-Initial';

/** Listed explicitly, in order: a glob finds nothing once the API is compiled. */
export const MIGRATIONS = [Initial1795613422671];
