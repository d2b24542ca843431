import type { EntityManager } from 'typeorm';
import { Closed, Conflict } from '../common/domain-errors';

export const COMPLETED_MESSAGE =
  'This enrolment is completed and its record is read-only; record a correction as an amendment with a reason';
export const WITHDRAWN_MESSAGE = 'This enrolment was withdrawn; its records are kept but can no longer be changed';

/**
 * The one closed-enrolment check: a completed or withdrawn enrolment's records are read-only (409). Given several
 * enrolments, a completed one is named before a withdrawn one.
 */
export function assertOpen(enrolments: { status: string } | readonly { status: string }[]): void {
  const rows = Array.isArray(enrolments) ? enrolments : [enrolments as { status: string }];
  if (rows.some((r) => r.status === 'completed')) throw new Closed(COMPLETED_MESSAGE);
  if (rows.some((r) => r.status === 'withdrawn')) throw new Closed(WITHDRAWN_MESSAGE);
}

/**
 * Refuses (409) a change to the records of an enrolment that is no longer active. Locks the enrolment rows for
 * share until the transaction ends, so the handover's third signature cannot complete an enrolment between this
 * check and the write. Call it inside the write's transaction, with every enrolment the write touches.
 */
export async function refuseIfClosed(manager: EntityManager, enrolmentIds: readonly string[]): Promise<void> {
  if (enrolmentIds.length === 0) return;
  const rows: { status: string }[] = await manager.query(
    `SELECT status FROM enrolment WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`,
    [[...new Set(enrolmentIds)]],
  );
  assertOpen(rows);
}

/**
 * Refuses (409) a new booking or study time for a paused CCC (#16 item 4), saying from when. Call it inside the
 * write's transaction; it locks the enrolment rows for share as refuseIfClosed does.
 */
export async function refuseIfPaused(manager: EntityManager, enrolmentIds: readonly string[]): Promise<void> {
  if (enrolmentIds.length === 0) return;
  const rows: { paused_from: string | null }[] = await manager.query(
    `SELECT (SELECT p ->> 'from' FROM jsonb_array_elements(pauses) p WHERE p -> 'until' = 'null'::jsonb LIMIT 1)
            AS paused_from
       FROM enrolment WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`,
    [[...new Set(enrolmentIds)]],
  );
  const paused = rows.find((r) => r.paused_from);
  if (paused)
    throw new Conflict(
      `This CCC is paused from ${paused.paused_from}: nothing new is booked or requested until an administrator resumes the enrolment`,
    );
}
