/**
 * Lets the event loop take its other work (the health check, other requests' replies) before going on: long
 * reads (the national figures, a caseload's sign-offs, a cohort report) judge their CCCs a few at a time with this
 * between, so that one read never holds the loop for all of them (issue #17: health under load).
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** CCCs judged between two turns: a few milliseconds of work at most. */
export const CCCS_PER_TURN = 8;
