import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OpenActionView, SessionView } from '@ccc/contracts';
import { carriedOverActions, type ParticipantRole } from '@ccc/programme';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditEntry } from '../audit/audit-entry.entity';
import type { AuthUser } from '../common/auth-user';
import { Clock } from '../common/clock';
import { Person } from '../people/person.entity';
import { AgreedActionEntity } from './agreed-action.entity';
import { historyOf, toSessionView } from './session-view';
import { SessionLoader } from './session-loader';
import type { Session } from './session.entity';

/**
 * A session as its parties read it, and their open agreed actions. The commands that change a session are in
 * booking.commands.ts and recording.commands.ts.
 */
@Injectable()
export class SchedulingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly sessions: SessionLoader,
    private readonly clock: Clock,
  ) {}

  async view(user: AuthUser, id: string, manager: EntityManager = this.db.manager): Promise<SessionView> {
    const { session, audience, actor } = await this.sessions.load(manager, user, id);
    const actions = await manager.find(AgreedActionEntity, {
      where: { sessionId: id },
      order: { dueDate: 'ASC', createdAt: 'ASC' },
    });
    const entries = await manager.find(AuditEntry, {
      where: { entityType: 'session', entityId: id },
      order: { id: 'ASC' },
    });
    const actorIds = [...new Set(entries.map((e) => e.actorId).filter((v): v is string => !!v))];
    const people = actorIds.length ? await manager.find(Person, { where: { id: In(actorIds) } }) : [];
    const attendeeOf = new Map(session.attendances.map((a, i) => [a, audience.attendees[i]!]));
    // A one-to-one session (its CCC's, not a cohort's meeting) brings that CCC's open actions from before it.
    const carried =
      session.enrolmentId && !session.sharedByCohort
        ? carriedOverActions(
            (
              await this.openActions(
                manager,
                user,
                session.cohort.allianceId,
                `e.id = $3 AND (a.owner <> 'ccc' OR a.owner_enrolment_id IS NULL OR a.owner_enrolment_id = e.id)`,
                [session.enrolmentId],
              )
            ).filter((a) => a.session.id !== id),
            session.startsAt,
          )
        : [];
    return toSessionView(session, {
      carriedActions: carried.map(({ sessionStartsAt: _at, ...rest }) => rest),
      actor,
      visible: (a) => this.access.visibleAttendee(user, actor, attendeeOf.get(a)!),
      actions,
      history: historyOf(entries, new Map(people.map((p) => [p.id, p]))),
      now: this.clock.now(),
    });
  }

  /**
   * Open agreed actions of the Alliance's sessions for the CCCs `where` picks (`$3` onwards), each with whether the
   * caller owns it: one query.
   */
  private async openActions(
    manager: EntityManager,
    user: AuthUser,
    allianceId: string,
    where: string,
    parameters: unknown[],
  ): Promise<(OpenActionView & { sessionStartsAt: Date | null })[]> {
    const rows: {
      id: string;
      description: string;
      owner: ParticipantRole;
      due_date: string;
      version: number;
      session_id: string;
      title: string;
      starts_at: Date | null;
      enrolment_id: string;
      ccc_id: string;
      ccc_name: string;
      owner_enrolment_id: string | null;
      mine: boolean;
    }[] = await manager.query(
      // Of a group session's register, the row of the CCC who owns the action (else the caller's) is the one kept.
      `SELECT DISTINCT ON (a.id) a.id, a.description, a.owner, a.due_date::text AS due_date, a.version,
              s.id AS session_id, s.title, s.starts_at, e.id AS enrolment_id, p.id AS ccc_id, p.full_name AS ccc_name,
              a.owner_enrolment_id,
              ((a.owner = 'ccc' AND e.ccc_id = $2 AND (a.owner_enrolment_id IS NULL OR a.owner_enrolment_id = e.id))
                OR (a.owner = 'pcn_supervisor' AND e.pcn_supervisor_id = $2)
                OR (a.owner = 'alliance_supervisor' AND (e.alliance_supervisor_id = $2 OR s.lead_id = $2))) AS mine
         FROM agreed_action a
         JOIN session s ON s.id = a.session_id
         JOIN cohort c ON c.id = s.cohort_id
         JOIN session_attendance sa ON sa.session_id = s.id
         JOIN enrolment e ON e.id = sa.enrolment_id
         JOIN person p ON p.id = e.ccc_id
        WHERE a.done = false AND c.alliance_id = $1 AND (${where})
        ORDER BY a.id, (e.id = a.owner_enrolment_id) DESC NULLS LAST, mine DESC`,
      [allianceId, user.id, ...parameters],
    );
    return rows.map((r) => ({
      id: r.id,
      description: r.description,
      owner: r.owner,
      ownerEnrolmentId: r.owner_enrolment_id,
      ownerCcc: r.owner_enrolment_id === r.enrolment_id ? { id: r.ccc_id, fullName: r.ccc_name } : null,
      dueDate: r.due_date,
      done: false,
      version: r.version,
      session: { id: r.session_id, title: r.title, startsAt: r.starts_at?.toISOString() ?? null },
      enrolmentId: r.enrolment_id,
      ccc: { id: r.ccc_id, fullName: r.ccc_name },
      mine: r.mine,
      sessionStartsAt: r.starts_at,
    }));
  }

  /** The caller's own open actions, soonest due first: for their home page. */
  async myOpenActions(user: AuthUser): Promise<OpenActionView[]> {
    if (!user.allianceId) return [];
    const mine = await this.openActions(
      this.db.manager,
      user,
      user.allianceId,
      `e.status = 'active' AND ((a.owner = 'ccc' AND e.ccc_id = $2
           AND (a.owner_enrolment_id IS NULL OR a.owner_enrolment_id = e.id))
         OR (a.owner = 'pcn_supervisor' AND e.pcn_supervisor_id = $2)
         OR (a.owner = 'alliance_supervisor' AND (e.alliance_supervisor_id = $2 OR s.lead_id = $2)))`,
      [],
    );
    return mine
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
      .map(({ sessionStartsAt: _at, ...rest }) => rest);
  }

  /** The session row itself, for its calendar file, once the caller's access is checked. */
  async entityFor(user: AuthUser, id: string): Promise<Session> {
    return (await this.sessions.load(this.db.manager, user, id)).session;
  }
}
