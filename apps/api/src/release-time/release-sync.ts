import { Injectable, type OnModuleInit } from '@nestjs/common';
import { londonDate, releaseKindOfSession } from '@ccc/programme';
import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../common/domain-events';
import type { Session } from '../sessions/session.entity';

/** Release time follows the sessions: every change of a session's time or status (`session.changed`). */
@Injectable()
export class ReleaseSync implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.on('session.changed', (e, manager) =>
      syncReleaseForSession(
        manager,
        {
          id: e.sessionId,
          status: e.status,
          startsAt: e.startsAt,
          durationMinutes: e.durationMinutes,
          kind: e.kind,
          title: e.title,
        },
        e.enrolmentIds,
      ),
    );
  }
}

/**
 * Keeps each attendee's release request in step with a session: created when the session is booked, moved with
 * it (so a move never counts twice), withdrawn when it is cancelled. One statement whatever the register's size.
 */
export async function syncReleaseForSession(
  manager: EntityManager,
  session: Pick<Session, 'id' | 'status' | 'startsAt' | 'durationMinutes' | 'kind' | 'title'>,
  enrolmentIds: string[],
): Promise<void> {
  if (enrolmentIds.length === 0) return;
  if (session.status === 'cancelled') {
    await manager.query(
      `UPDATE release_request SET status = 'withdrawn', version = version + 1, updated_at = now()
        WHERE session_id = $1 AND status <> 'withdrawn'`,
      [session.id],
    );
    return;
  }
  if (!session.startsAt || !session.durationMinutes) return;
  await manager.query(
    `INSERT INTO release_request (enrolment_id, kind, session_id, date, minutes, description)
     SELECT e, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS e
     ON CONFLICT (session_id, enrolment_id) WHERE session_id IS NOT NULL DO UPDATE
        SET date = EXCLUDED.date, minutes = EXCLUDED.minutes, description = EXCLUDED.description,
            status = CASE WHEN release_request.status = 'withdrawn' THEN 'pending' ELSE release_request.status END,
            version = release_request.version + 1, updated_at = now()
      WHERE (release_request.date, release_request.minutes, release_request.status)
            IS DISTINCT FROM (EXCLUDED.date, EXCLUDED.minutes, release_request.status)
         OR release_request.status = 'withdrawn'`,
    [
      enrolmentIds,
      releaseKindOfSession(session.kind),
      session.id,
      londonDate(session.startsAt),
      session.durationMinutes,
      session.title,
    ],
  );
}
