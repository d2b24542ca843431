import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OpenActionView, SessionView } from '@ccc/contracts';
import {
  ACTIVE_BOOKING_STATUSES,
  carriedOverActions,
  checkAgreedActionDates,
  markActionDone,
  PROGRAMME_TIME_ZONE,
  type ParticipantRole,
  checkBooking,
  type SessionAction,
  type SessionActor,
  type SessionStatus,
  transition,
} from '@ccc/programme';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AccessService, type SessionAudience } from '../access/access.service';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { markGroupTeachingAttended } from '../competencies/training-hooks';
import type { AuthUser } from '../common/auth-user';
import { validationFailed } from '../common/errors';
import { refuseIfClosed, refuseIfPaused } from '../enrolments/enrolment-lock';
import { OutboxMessage } from '../links/outbox-message.entity';
import { renderMail } from '../notifications/mail-templates';
import { Person } from '../people/person.entity';
import { syncReleaseForSession } from '../release-time/release-sync';
import { AgreedActionEntity } from './agreed-action.entity';
import type { BookSessionDto, CancelSessionDto, RescheduleSessionDto } from './dto/book-session.dto';
import type { MarkActionDoneDto, RecordSessionDto } from './dto/record-session.dto';
import type { AllianceResponseDto, PcnResponseDto } from './dto/respond.dto';
import { SessionAttendance } from './session-attendance.entity';
import { historyOf, toSessionView } from './session-view';
import { Session } from './session.entity';
import { Clock } from '../common/clock';

type Loaded = { session: Session; audience: SessionAudience; actor: SessionActor };
type BookingFields = Pick<
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
 * Booking, the PCN supervisor's answer, rescheduling, cancelling and recording. Each write: load the session
 * with who it concerns, decide who the caller acts for, apply the programme's transition rule, check the
 * booking and clashes, update guarded by the version read, and audit before/after in the same transaction.
 */
@Injectable()
export class SchedulingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  private sessionQuery(manager: EntityManager) {
    return manager
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.cohort', 'cohort')
      .leftJoinAndSelect('cohort.supervisors', 'cohortSupervisor')
      .leftJoinAndSelect('session.lead', 'lead')
      .leftJoinAndSelect('session.attendances', 'attendance')
      .leftJoinAndSelect('attendance.enrolment', 'enrolment')
      .leftJoinAndSelect('enrolment.ccc', 'ccc')
      .leftJoinAndSelect('enrolment.pcnSupervisor', 'pcnSupervisor')
      .leftJoinAndSelect('enrolment.allianceSupervisor', 'allianceSupervisor')
      .orderBy('ccc.full_name', 'ASC');
  }

  /** The session and who the caller acts for in it: 404 when it does not exist, 403 when it is not theirs. */
  private async load(manager: EntityManager, user: AuthUser, id: string): Promise<Loaded> {
    const session = await this.sessionQuery(manager).where('session.id = :id', { id }).getOne();
    if (!session) return this.access.refuse(user, 'session', id, 'Session');
    const audience: SessionAudience = {
      allianceId: session.cohort!.allianceId,
      participants: session.participants,
      sharedByCohort: session.sharedByCohort,
      leadId: session.leadId,
      cohortSupervisorIds: (session.cohort!.supervisors ?? []).map((p) => p.id),
      attendees: (session.attendances ?? []).map((a) => ({
        cccId: a.enrolment!.cccId,
        pcnId: a.enrolment!.pcnId,
        pcnSupervisorId: a.enrolment!.pcnSupervisorId,
        allianceSupervisorId: a.enrolment!.allianceSupervisorId,
      })),
    };
    const actor = this.access.sessionActor(user, audience);
    if (!actor) return this.access.refuse(user, 'session', id, 'Session');
    return { session, audience, actor };
  }

  /** As load, for a change: a session of a completed or withdrawn enrolment is read-only (409). */
  private async loadForWrite(manager: EntityManager, user: AuthUser, id: string): Promise<Loaded> {
    const loaded = await this.load(manager, user, id);
    if (loaded.session.enrolmentId) await refuseIfClosed(manager, [loaded.session.enrolmentId]);
    return loaded;
  }

  async view(user: AuthUser, id: string, manager: EntityManager = this.db.manager): Promise<SessionView> {
    const { session, audience, actor } = await this.load(manager, user, id);
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
    const attendeeOf = new Map((session.attendances ?? []).map((a, i) => [a, audience.attendees[i]!]));
    // A one-to-one session (its CCC's, not a cohort's meeting) brings that CCC's open actions from before it.
    const carried =
      session.enrolmentId && !session.sharedByCohort
        ? carriedOverActions(
            (
              await this.openActions(manager, user, session.cohort!.allianceId, 'e.id = $3', [session.enrolmentId])
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
      mine: boolean;
    }[] = await manager.query(
      `SELECT DISTINCT ON (a.id) a.id, a.description, a.owner, a.due_date::text AS due_date, a.version,
              s.id AS session_id, s.title, s.starts_at, e.id AS enrolment_id, p.id AS ccc_id, p.full_name AS ccc_name,
              ((a.owner = 'ccc' AND e.ccc_id = $2)
                OR (a.owner = 'pcn_supervisor' AND e.pcn_supervisor_id = $2)
                OR (a.owner = 'alliance_supervisor' AND (e.alliance_supervisor_id = $2 OR s.lead_id = $2))) AS mine
         FROM agreed_action a
         JOIN session s ON s.id = a.session_id
         JOIN cohort c ON c.id = s.cohort_id
         JOIN session_attendance sa ON sa.session_id = s.id
         JOIN enrolment e ON e.id = sa.enrolment_id
         JOIN person p ON p.id = e.ccc_id
        WHERE a.done = false AND c.alliance_id = $1 AND (${where})
        ORDER BY a.id, mine DESC`,
      [allianceId, user.id, ...parameters],
    );
    return rows.map((r) => ({
      id: r.id,
      description: r.description,
      owner: r.owner,
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
      `e.status = 'active' AND ((a.owner = 'ccc' AND e.ccc_id = $2)
         OR (a.owner = 'pcn_supervisor' AND e.pcn_supervisor_id = $2)
         OR (a.owner = 'alliance_supervisor' AND (e.alliance_supervisor_id = $2 OR s.lead_id = $2)))`,
      [],
    );
    return mine
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
      .map(({ sessionStartsAt: _at, ...rest }) => rest);
  }

  /** Which parts of the session the caller plays: its CCC, its PCN supervisor, its Alliance supervisor. */
  private rolesIn(user: AuthUser, loaded: Loaded): ParticipantRole[] {
    const { session, audience } = loaded;
    const roles: ParticipantRole[] = [];
    if (audience.attendees.some((a) => a.cccId === user.id)) roles.push('ccc');
    if (audience.attendees.some((a) => a.pcnSupervisorId === user.id)) roles.push('pcn_supervisor');
    if (session.leadId === user.id || audience.attendees.some((a) => a.allianceSupervisorId === user.id))
      roles.push('alliance_supervisor');
    return roles;
  }

  /** The owner of an agreed action marks it done (audited); done again changes nothing. */
  async markActionDone(user: AuthUser, actionId: string, dto: MarkActionDoneDto): Promise<OpenActionView> {
    return this.db.transaction(async (manager) => {
      const action = await manager.findOne(AgreedActionEntity, {
        where: { id: actionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!action) throw new NotFoundException('Agreed action not found');
      const loaded = await this.loadForWrite(manager, user, action.sessionId);
      const decision = markActionDone(action, this.rolesIn(user, loaded));
      if (!decision.ok) throw new ForbiddenException(decision.reason);
      if (decision.changed) {
        if (action.version !== dto.version)
          throw new ConflictException('This action was changed since you read it; reload it and try again');
        await manager.update(
          AgreedActionEntity,
          { id: action.id, version: action.version },
          { done: true, version: action.version + 1 },
        );
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'agreed_action.done',
          entityType: 'agreed_action',
          entityId: action.id,
          detail: { sessionId: action.sessionId, owner: action.owner, from: 'open', to: 'done' },
        });
      }
      const { session } = loaded;
      const attendee = loaded.audience.attendees.find((a) => a.cccId === user.id) ?? loaded.audience.attendees[0];
      const attendance = (session.attendances ?? []).find((a) => a.enrolment!.cccId === attendee?.cccId);
      return {
        id: action.id,
        description: action.description,
        owner: action.owner,
        dueDate: action.dueDate,
        done: true,
        version: decision.changed ? action.version + 1 : action.version,
        session: { id: session.id, title: session.title, startsAt: session.startsAt?.toISOString() ?? null },
        enrolmentId: attendance?.enrolmentId ?? '',
        ccc: { id: attendance?.enrolment?.ccc?.id ?? '', fullName: attendance?.enrolment?.ccc?.fullName ?? '' },
        mine: true,
      };
    });
  }

  /** The session row itself, for its calendar file, once the caller's access is checked. */
  async entityFor(user: AuthUser, id: string): Promise<Session> {
    return (await this.load(this.db.manager, user, id)).session;
  }

  /** The transition for this caller, or 403 (wrong party) / 409 (wrong state) saying why. */
  private decide(loaded: Loaded, action: SessionAction, now: Date): SessionStatus {
    const { session, actor } = loaded;
    const result = transition(action, session, actor, now);
    if (result.allowed) return result.to;
    if (result.reason.startsWith('Only')) throw new ForbiddenException(result.reason);
    throw new ConflictException(result.reason);
  }

  private checkVersion(session: Session, version: number): void {
    if (session.version !== version) {
      throw new ConflictException(
        'This session was changed by someone else since you read it; reload it and try again',
      );
    }
  }

  /** The Alliance supervisor who runs the session once booked. */
  private leadFor(user: AuthUser, loaded: Loaded): string | null {
    const { session, audience } = loaded;
    if (!session.sharedByCohort) return audience.attendees[0]?.allianceSupervisorId ?? session.leadId ?? user.id;
    return user.roles.includes('alliance_supervisor')
      ? user.id
      : (session.leadId ?? audience.cohortSupervisorIds[0] ?? null);
  }

  /** Everyone whose diary a booking of this session takes. */
  private peopleIn(loaded: Loaded, leadId: string | null): string[] {
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
      `booking:${loaded.session.cohort!.allianceId}`,
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

  private async refuseClash(
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
    throw new ConflictException({
      message: `This clashes with \u201c${clash.title}\u201d on ${londonTime(clash.starts_at)}, which has someone in common`,
      conflict: {
        sessionId: clash.id,
        title: clash.title,
        startsAt: clash.starts_at.toISOString(),
        durationMinutes: clash.duration_minutes,
      },
    });
  }

  /** Update guarded by the version read, then the audit entry; both in the caller's transaction. */
  private async save(
    manager: EntityManager,
    user: AuthUser,
    loaded: Loaded,
    version: number,
    changes: Partial<Session>,
    action: string,
    reason?: string | null,
    viaLink = false,
  ): Promise<void> {
    const { session } = loaded;
    const result = await manager
      .createQueryBuilder()
      .update(Session)
      .set(changes)
      .where('id = :id AND version = :version', { id: session.id, version })
      .execute();
    if (result.affected !== 1) {
      throw new ConflictException(
        'This session was changed by someone else since you read it; reload it and try again',
      );
    }
    await syncReleaseForSession(
      manager,
      { ...session, ...changes },
      (session.attendances ?? []).map((a) => a.enrolmentId),
    );
    await this.audit.record(manager, {
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
    });
  }

  /**
   * E-mails each person the session concerns (its CCCs, and the PCN supervisor of a joint session) an iTIP
   * invitation from the supervisor who leads it, in the outbox, in the same transaction as the change: a REQUEST
   * when booked or moved, a CANCEL when cancelled, so the session lands in (or leaves) their own calendar.
   */
  private async invite(
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

  private bookingFields(dto: BookSessionDto, loaded: Loaded): { fields: BookingFields; startsAt: Date } {
    const startsAt = new Date(dto.startsAt);
    const { session } = loaded;
    const { problems, outOfMonth } = checkBooking(
      { ...dto, startsAt },
      {
        cohortStart: session.cohort!.startDate,
        month: session.month,
        durationRange: { min: session.minMinutes, max: session.maxMinutes },
      },
    );
    if (problems.length > 0) throw validationFailed(problems);
    return {
      startsAt,
      fields: {
        startsAt,
        durationMinutes: dto.durationMinutes,
        mode: dto.mode,
        meetingLink: dto.mode === 'virtual' ? (dto.meetingLink ?? null) : null,
        place: dto.mode === 'face_to_face' ? (dto.place ?? null) : null,
        outOfMonthReason: outOfMonth ? dto.outOfMonthReason!.trim() : null,
        conflictOverrideReason: null,
      },
    };
  }

  private async book(user: AuthUser, id: string, dto: BookSessionDto, action: 'book' | 'reschedule', reason?: string) {
    return this.db.transaction(async (manager) => {
      const loaded = await this.loadForWrite(manager, user, id);
      // A paused CCC's own sessions wait for the resume (a cohort meeting goes ahead for the others).
      if (loaded.session.enrolmentId) await refuseIfPaused(manager, [loaded.session.enrolmentId]);
      this.checkVersion(loaded.session, dto.version);
      const to = this.decide(loaded, action, this.clock.now());
      const { fields, startsAt } = this.bookingFields(dto, loaded);
      const leadId = this.leadFor(user, loaded);
      const clash = await this.refuseClash(
        manager,
        loaded,
        leadId,
        startsAt,
        dto.durationMinutes,
        dto.conflictOverrideReason,
      );
      fields.conflictOverrideReason = clash ? dto.conflictOverrideReason!.trim() : null;
      await this.save(
        manager,
        user,
        loaded,
        dto.version,
        { ...fields, status: to, leadId, proposedStartsAt: null },
        action,
        reason ?? fields.conflictOverrideReason,
      );
      await this.invite(
        manager,
        loaded,
        { ...fields, status: to, leadId, version: dto.version + 1 },
        action === 'book' ? 'booked' : 'moved',
        reason,
      );
      return id;
    });
  }

  async bookSession(user: AuthUser, id: string, dto: BookSessionDto): Promise<SessionView> {
    return this.view(user, await this.book(user, id, dto, 'book'));
  }

  async reschedule(user: AuthUser, id: string, dto: RescheduleSessionDto): Promise<SessionView> {
    return this.view(user, await this.book(user, id, dto, 'reschedule', dto.reason.trim()));
  }

  /** Cancels, and puts a fresh planned session in its place so the plan item can be booked again. */
  async cancel(user: AuthUser, id: string, dto: CancelSessionDto): Promise<SessionView> {
    await this.db.transaction(async (manager) => {
      const loaded = await this.loadForWrite(manager, user, id);
      this.checkVersion(loaded.session, dto.version);
      const to = this.decide(loaded, 'cancel', this.clock.now());
      const reason = dto.reason.trim();
      await this.save(manager, user, loaded, dto.version, { status: to, cancellationReason: reason }, 'cancel', reason);
      await this.invite(manager, loaded, { status: to, version: dto.version + 1 }, 'cancelled', reason);
      const s = loaded.session;
      const replacement = await manager.insert(Session, {
        cohortId: s.cohortId,
        enrolmentId: s.enrolmentId,
        planItemKey: s.planItemKey,
        month: s.month,
        kind: s.kind,
        title: s.title,
        purpose: s.purpose,
        participants: s.participants,
        minMinutes: s.minMinutes,
        maxMinutes: s.maxMinutes,
        mode: s.mode,
        sharedByCohort: s.sharedByCohort,
      });
      const replacementId = String(replacement.identifiers[0]!['id']);
      const attendees = (s.attendances ?? []).map((a) => ({ sessionId: replacementId, enrolmentId: a.enrolmentId }));
      if (attendees.length > 0) await manager.insert(SessionAttendance, attendees);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'session.replanned',
        entityType: 'session',
        entityId: replacementId,
        detail: { replaces: s.id, reason, from: null, to: 'planned' },
      });
    });
    return this.view(user, id);
  }

  /** The PCN supervisor accepts the offered slot or proposes another time. */
  async pcnResponse(user: AuthUser, id: string, dto: PcnResponseDto, viaLink = false): Promise<SessionView> {
    await this.db.transaction(async (manager) => {
      const loaded = await this.loadForWrite(manager, user, id);
      this.checkVersion(loaded.session, dto.version);
      if (dto.decision === 'accept') {
        const to = this.decide(loaded, 'accept_slot', this.clock.now());
        await this.save(manager, user, loaded, dto.version, { status: to }, 'accept_slot', null, viaLink);
        return;
      }
      const to = this.decide(loaded, 'propose_slot', this.clock.now());
      const proposed = new Date(dto.proposedStartsAt!);
      await this.refuseClash(manager, loaded, loaded.session.leadId, proposed, loaded.session.durationMinutes!);
      await this.save(
        manager,
        user,
        loaded,
        dto.version,
        { status: to, proposedStartsAt: proposed },
        'propose_slot',
        null,
        viaLink,
      );
    });
    return this.view(user, id);
  }

  /** The Alliance supervisor accepts the PCN's proposal or counters with another time. */
  async allianceResponse(user: AuthUser, id: string, dto: AllianceResponseDto): Promise<SessionView> {
    await this.db.transaction(async (manager) => {
      const loaded = await this.loadForWrite(manager, user, id);
      const { session } = loaded;
      this.checkVersion(session, dto.version);
      const accepting = dto.decision === 'accept';
      const to = this.decide(loaded, accepting ? 'accept_proposal' : 'counter_proposal', this.clock.now());
      const startsAt = accepting ? session.proposedStartsAt! : new Date(dto.startsAt!);
      const { fields } = this.bookingFields(
        {
          startsAt: startsAt.toISOString(),
          durationMinutes: session.durationMinutes!,
          mode: session.mode,
          meetingLink: session.meetingLink ?? undefined,
          place: session.place ?? undefined,
          outOfMonthReason: session.outOfMonthReason ?? undefined,
          version: dto.version,
        },
        loaded,
      );
      await this.refuseClash(manager, loaded, session.leadId, startsAt, session.durationMinutes!);
      await this.save(
        manager,
        user,
        loaded,
        dto.version,
        { ...fields, status: to, proposedStartsAt: null },
        accepting ? 'accept_proposal' : 'counter_proposal',
      );
    });
    return this.view(user, id);
  }

  /** Records a held session: the whole register at once, the supervisors' attendance, notes and actions. */
  async record(user: AuthUser, id: string, dto: RecordSessionDto): Promise<SessionView> {
    await this.db.transaction(async (manager) => {
      const loaded = await this.loadForWrite(manager, user, id);
      const { session } = loaded;
      this.checkVersion(session, dto.version);
      const to = this.decide(loaded, 'record', this.clock.now());
      const expected = new Set((session.attendances ?? []).map((a) => a.enrolmentId));
      const given = new Set(dto.attendance.map((a) => a.enrolmentId));
      const problems = [
        ...[...expected]
          .filter((e) => !given.has(e))
          .map(() => ({ field: 'attendance', reason: 'every CCC on the register needs an attendance' })),
        ...[...given]
          .filter((g) => !expected.has(g))
          .map((g) => ({ field: 'attendance', reason: `enrolment ${g} is not on this session's register` })),
        // Declared but unset DTO fields are own properties holding undefined: only roles given count.
        ...Object.entries(dto.staffAttendance ?? {})
          .filter(([, value]) => value !== undefined)
          .map(([role]) => role)
          .filter((role) => !session.participants.includes(role as 'pcn_supervisor'))
          .map((role) => ({
            field: `staffAttendance.${role}`,
            reason: `this session has no ${role.replace('_', ' ')}`,
          })),
      ];
      // An action agreed in this session cannot fall due before it was held.
      problems.push(...checkAgreedActionDates(dto.actions ?? [], session.startsAt!));
      if (problems.length > 0)
        throw validationFailed([...new Map(problems.map((p) => [p.field + p.reason, p])).values()]);
      if (dto.attendance.length > 0) {
        // One statement for the whole register, however many CCCs a group session has.
        await manager.query(
          `UPDATE session_attendance a SET attendance = v.attendance, version = a.version + 1, updated_at = now()
             FROM unnest($2::uuid[], $3::text[]) AS v(enrolment_id, attendance)
            WHERE a.session_id = $1 AND a.enrolment_id = v.enrolment_id`,
          [id, dto.attendance.map((a) => a.enrolmentId), dto.attendance.map((a) => a.attendance)],
        );
      }
      // Presence at a month's group teaching marks that month's teaching item of the CCC's training plan done.
      await markGroupTeachingAttended(
        manager,
        this.audit,
        session,
        dto.attendance.filter((a) => a.attendance === 'present').map((a) => a.enrolmentId),
        user.id,
        this.clock.now(),
      );
      if (dto.actions?.length) {
        await manager.insert(
          AgreedActionEntity,
          dto.actions.map((a) => ({
            sessionId: id,
            description: a.description.trim(),
            owner: a.owner,
            dueDate: a.dueDate,
          })),
        );
      }
      await this.save(
        manager,
        user,
        loaded,
        dto.version,
        {
          status: to,
          notes: dto.notes?.trim() || null,
          staffAttendance: { ...dto.staffAttendance },
          recordedAt: this.clock.now(),
          recordedById: user.id,
        },
        'record',
      );
    });
    return this.view(user, id);
  }
}
