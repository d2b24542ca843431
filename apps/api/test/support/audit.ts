/**
 * Audit actions that record a refusal itself (a 403, a failed sign-in, and the count of those left out by the rate
 * limit): a refused request writes them and nothing else, so "a refusal changes nothing" counts the trail without them.
 */
export const REFUSAL_ACTIONS = ['access.refused', 'auth.sign_in_failed', 'audit.events_suppressed'] as const;

/** SQL: the number of audit entries that record a change (not a refusal). */
export const AUDITED_CHANGES_SQL = `SELECT count(*) FROM audit_entry WHERE action NOT IN (${REFUSAL_ACTIONS.map((a) => `'${a}'`).join(', ')})`;
