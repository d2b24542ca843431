import { QueryFailedError } from 'typeorm';

/**
 * Whether a delete failed because other rows still refer to the row: `foreign_key_violation` (23503), or, from
 * PostgreSQL 16 on, `restrict_violation` (23001) for a foreign key declared ON DELETE RESTRICT.
 */
export function isStillReferenced(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string }).code;
  return code === '23503' || code === '23001';
}
