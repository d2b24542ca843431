import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const COMPLETED_MESSAGE =
  'This enrolment is completed and its record is read-only; record a correction as an amendment with a reason';
export const WITHDRAWN_MESSAGE = 'This enrolment was withdrawn; its records are kept but can no longer be changed';

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
  if (rows.some((r) => r.status === 'completed')) throw new ConflictException(COMPLETED_MESSAGE);
  if (rows.some((r) => r.status === 'withdrawn')) throw new ConflictException(WITHDRAWN_MESSAGE);
}
