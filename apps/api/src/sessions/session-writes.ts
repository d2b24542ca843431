import { Injectable } from '@nestjs/common';
import {
  ACTIVE_BOOKING_STATUSES,
  checkBooking,
  PROGRAMME_TIME_ZONE,
  type SessionAction,
  type SessionStatus,
  transition,
} from '@ccc/programme';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import type { AuthUser } from '../common/auth-user';
import { Conflict, Forbidden, Invalid, StaleVersion } from '../common/domain-errors';
import { DomainEvents } from '../common/domain-events';
import { OutboxMessage } from '../links/outbox-message.entity';
import { renderMail } from '../notifications/mail-templates';
import { Person } from '../people/person.entity';
import type { BookSessionDto } from './dto/book-session.dto';
import type { LoadedSession } from './session-loader';
import { Session } from './session.entity';
import { Clock } from '../common/clock';

type Loaded = LoadedSession;
export type BookingFields = Pick<
  Session,
  'startsAt' | 'durationMinutes' | 'mode' | 'meetingLink' | 'place' | 'outOfMonthReason' | 'conflictOverrideReason'
>;

const BOOKING_KEYS = [
  'status',
  'startsAt',
  'durationMinutes',
  'mode',
  'meetingLink',
  'place',
  'proposedStartsAt',
] as const;

/** The booking fields of a session, for the before/after of its audit entry. */
function snapshot(session: Partial<Session>): Record<string, unknown> {
  return Object.fromEntries(
    BOOKING_KEYS.map((key) => {
      const value = session[key];
      return [key, value instanceof Date ? value.toISOString() : (value ?? null)];
    }),
  );
}

function londonTime(instant: Date): string {
  return format(new TZDate(instant.getTime(), 'Europe/London'), "d MMM yyyy 'at' HH:mm");
}

/**
 * The steps the session commands share: the programme's transition for this caller, the booking checks and
 * clashes, the update guarded by the version read, its audit entry, and the invitations it sends.
 */
@Injectable()
export class SessionWriter {
  constructor(
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /** The transition for this caller, or 403 (another party's move) / 409 (not now) saying why. */
  decide(loaded: Loaded, action: SessionAction, now: Date): SessionStatus {
    const result = transition(action, loaded.session, loaded.actor, now);
    if (result.allowed) return result.to;
    if (result.refusal === 'party') throw new Forbidden(result.reason);
    throw new Conflict(result.reason);
  }

  /** The Alliance supervisor who runs the session once booked. */
  leadFor(user: AuthUser, loaded: Loaded): string | null {
    const { session, audience } = loaded;
    if (!session.sharedByCohort) return audience.attendees[0]?.allianceSupervisorId ?? session.leadId ?? user.id;
    return user.roles.includes('alliance_supervisor')
      ? user.id
      : (session.leadId ?? audience.cohortSupervisorIds[0] ?? null);
  }

  /** Everyone whose diary a booking of this session takes. */
  peopleIn(loaded: Loaded, leadId: string | null): string[] {
    const { audience } = loaded;
    const ids = new Set<string>(audience.attendees.map((a) => a.cccId));
    if (leadId) ids.add(leadId);
    if (audience.participants.includes('pcn_supervisor')) {
      for (const a of audience.attendees) if (a.pcnSupervisorId) ids.add(a.pcnSupervisorId);
    }
    return [...ids];
  }

  /**
   * The first other live booking that shares a person and overlaps the slot. Bookings in one Alliance are
   * serialised by an advisory lock held to the end of the transaction, so two supervisors booking the same
   * person at once cannot both pass this check.
   */
  private async findClash(manager: EntityManager, loaded: Loaded, people: string[], startsAt: Date, minutes: number) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `booking:${loaded.session.cohort.allianceId}`,
    ]);
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    const rows: { id: string; title: string; starts_at: Date; duration_minutes: number }[] = await manager.query(
      `SELECT s.id, s.title, s.starts_at, s.duration_minutes
         FROM session s
        WHERE s.status = ANY($1) AND s.id <> $2
          AND s.starts_at < $4 AND s.starts_at + make_interval(mins => s.duration_minutes) > $3
          AND (s.lead_id = ANY($5::uuid[]) OR EXISTS (
                SELECT 1 FROM session_attendance a JOIN enrolment e ON e.id = a.enrolment_id
                 WHERE a.session_id = s.id
                   AND (e.ccc_id = ANY($5::uuid[]) OR (s.participants ? 'pcn_supervisor' AND e.pcn_supervisor_id = ANY($5::uuid[])))))
        ORDER BY s.starts_at
        LIMIT 1`,
      [ACTIVE_BOOKING_STATUSES, loaded.session.id, startsAt, endsAt, people],
    );
    return rows[0] ?? null;
  }

  async refuseClash(
    manager: EntityManager,
    loaded: Loaded,
    leadId: string | null,
    startsAt: Date,
    minutes: number,
    override?: string,
  ) {
    const clash = await this.findClash(manager, loaded, this.peopleIn(loaded, leadId), startsAt, minutes);
    if (!clash) return null;
    if (override?.trim() && loaded.actor === 'alliance') return clash;
    throw new Conflict(
      `This clashes with \u201c${clash.title}\u201d on ${londonTime(clash.starts_at)}, which has someone in common`,
      {
        conflict: {
          sessionId: clash.id,
          title: clash.title,
          startsAt: clash.starts_at.toISOString(),
          durationMinutes: clash.duration_minutes,
        },
      },
    );
  }

  /**
   * Update guarded by the version read (409 when someone got there first), then `session.changed` for the features
   * that follow sessions (release time).
   */
  async update(
    manager: EntityManager,
    loaded: Loaded,
    version: number,
    changes: Partial<Session>,
    action: SessionAction,
  ): Promise<void> {
    const { session } = loaded;
    const result = await manager
      .createQueryBuilder()
      .update(Session)
      .set(changes)
      .where('id = :id AND version = :version', { id: session.id, version })
      .execute();
    if (result.affected !== 1) throw new StaleVersion('session');
    const after = { ...session, ...changes };
    await this.events.publish(manager, {
      type: 'session.changed',
      sessionId: session.id,
      action,
      status: after.status,
      kind: after.kind,
      title: after.title,
      startsAt: after.startsAt,
      durationMinutes: after.durationMinutes,
      enrolmentIds: (session.attendances ?? []).map((a) => a.enrolmentId),
    });
  }

  /** The audit entry of a change: from/to status, the reason, and the booking fields before and after. */
  auditEntry(
    user: AuthUser,
    loaded: Loaded,
    changes: Partial<Session>,
    action: string,
    reason?: string | null,
    viaLink = false,
  ): AuditRecord {
    const { session } = loaded;
    return {
      actorId: user.id,
      action: `session.${action}`,
      entityType: 'session',
      entityId: session.id,
      detail: {
        from: session.status,
        to: changes.status ?? session.status,
        reason: reason ?? null,
        ...(viaLink ? { viaLink: true } : {}),
        before: snapshot(session),
        after: snapshot({ ...session, ...changes }),
      },
    };
  }

  /**
   * E-mails each person the session concerns (its CCCs, and the PCN supervisor of a joint session) an iTIP
   * invitation from the supervisor who leads it, in the outbox, in the same transaction as the change: a REQUEST
   * when booked or moved, a CANCEL when cancelled, so the session lands in (or leaves) their own calendar.
   */
  async invite(
    manager: EntityManager,
    loaded: Loaded,
    changes: Partial<Session>,
    what: 'booked' | 'moved' | 'cancelled',
    reason?: string | null,
  ): Promise<void> {
    const session = { ...loaded.session, ...changes, updatedAt: this.clock.now() } as Session;
    if (!session.startsAt || !session.durationMinutes || !session.leadId) return;
    const organiser = await manager.findOneBy(Person, { id: session.leadId });
    if (!organiser) return;
    const people = new Map<string, Person>();
    for (const a of session.attendances ?? []) {
      const e = a.enrolment!;
      if (e.ccc) people.set(e.ccc.id, e.ccc);
      if (session.participants.includes('pcn_supervisor') && e.pcnSupervisor)
        people.set(e.pcnSupervisor.id, e.pcnSupervisor);
    }
    people.delete(organiser.id);
    const when = format(new TZDate(session.startsAt.getTime(), PROGRAMME_TIME_ZONE), "EEEE d MMMM yyyy 'at' HH:mm");
    const rows = [...people.values()]
      .filter((p) => !p.deactivatedAt)
      .map((p) => {
        const mail = renderMail('session', {
          heading: what === 'cancelled' ? 'Cancelled' : what === 'moved' ? 'Moved' : 'Invitation',
          organiser: organiser.fullName,
          what,
          title: session.title,
          when,
          // In person: the place; by video: its link (the mode decides, as the booking form does).
          place: session.mode === 'face_to_face' ? session.place : null,
          meetingLink: session.mode === 'virtual' ? session.meetingLink : null,
          reason: reason ?? null,
          cancelled: what === 'cancelled',
        });
        return {
          toPersonId: p.id,
          toEmail: p.email,
          subject: mail.subject,
          body: mail.text,
          html: mail.html,
          calendar: this.calendar.invitation(session, what === 'cancelled' ? 'CANCEL' : 'REQUEST', organiser, p),
        };
      });
    if (rows.length > 0) await manager.insert(OutboxMessage, rows);
  }

  bookingFields(dto: BookSessionDto, loaded: Loaded): { fields: BookingFields; startsAt: Date } {
    const startsAt = new Date(dto.startsAt);
    const { session } = loaded;
    const { problems, outOfMonth } = checkBooking(
      { ...dto, startsAt },
      {
        cohortStart: session.cohort.startDate,
        month: session.month,
        durationRange: { min: session.minMinutes, max: session.maxMinutes },
      },
    );
    if (problems.length > 0) throw new Invalid(problems);
    return {
      startsAt,
      fields: {
        startsAt,
        durationMinutes: dto.durationMinutes,
        mode: dto.mode,
        meetingLink: dto.mode === 'virtual' ? (dto.meetingLink ?? null) : null,
        place: dto.mode === 'face_to_face' ? (dto.place ?? null) : null,
        outOfMonthReason: outOfMonth ? (dto.outOfMonthReason ?? '').trim() : null, // checkBooking asked for it
        conflictOverrideReason: null,
      },
    };
  }
}
