import { Injectable, type OnModuleInit } from '@nestjs/common';
import { londonDate, trainingItemCompletedBy } from '@ccc/programme';
import type { EntityManager } from 'typeorm';
import { type AuditRecord, AuditService } from '../audit/audit.service';
import { DomainEvents } from '../common/domain-events';
import type { Session } from '../sessions/session.entity';

/** The training plan follows the sessions: a recorded register marks the teaching it covered done. */
@Injectable()
export class TrainingHooks implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.events.on('session.recorded', (e, manager) =>
      markGroupTeachingAttended(
        manager,
        this.audit,
        { id: e.sessionId, kind: e.kind, month: e.month, startsAt: e.startsAt },
        e.presentEnrolmentIds,
        e.recordedById,
        e.recordedAt,
      ),
    );
  }
}

/**
 * When a group teaching session's attendance is recorded, each CCC present has the plan's group teaching item for
 * that month marked done: one statement, in the recording's transaction, each marking audited. Any other kind
 * of session leaves the plan alone.
 */
export async function markGroupTeachingAttended(
  manager: EntityManager,
  audit: AuditService,
  session: Pick<Session, 'id' | 'kind' | 'month' | 'startsAt'>,
  presentEnrolmentIds: string[],
  actorId: string,
  /** The clock's time, for a session recorded without a start. */
  now: Date,
): Promise<void> {
  const itemKind = trainingItemCompletedBy(session.kind);
  if (!itemKind || presentEnrolmentIds.length === 0) return;
  const completedOn = londonDate(session.startsAt ?? now);
  const marked: { id: string; enrolment_id: string }[] = await manager.query(
    `UPDATE training_plan_item SET completed_on = $1, completed_via = 'attendance', session_id = $2,
            version = version + 1, updated_at = now()
      WHERE enrolment_id = ANY($3::uuid[]) AND kind = $5 AND target_month = $4 AND completed_on IS NULL
      RETURNING id, enrolment_id`,
    [completedOn, session.id, presentEnrolmentIds, session.month, itemKind],
  );
  const [rows] = Array.isArray(marked[0]) ? (marked as unknown as [typeof marked]) : [marked];
  const entries: AuditRecord[] = rows.map((row) => ({
    actorId,
    action: 'training.done',
    entityType: 'training_plan_item',
    entityId: row.id,
    detail: { enrolmentId: row.enrolment_id, completedOn, via: 'attendance', sessionId: session.id },
  }));
  await audit.record(manager, entries);
}
