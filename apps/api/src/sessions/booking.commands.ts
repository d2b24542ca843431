import { Injectable } from '@nestjs/common';
import type { SessionView } from '@ccc/contracts';
import { type Command, Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { refuseIfPaused } from '../enrolments/enrolment-lock';
import type { BookSessionDto, CancelSessionDto, RescheduleSessionDto } from './dto/book-session.dto';
import type { AllianceResponseDto, PcnResponseDto } from './dto/respond.dto';
import { SchedulingService } from './scheduling.service';
import { SessionAttendance } from './session-attendance.entity';
import { type LoadedSession, SessionLoader } from './session-loader';
import { SessionWriter } from './session-writes';
import { Session } from './session.entity';
import { Clock } from '../common/clock';

/**
 * Booking, the PCN supervisor's answer, the Alliance's answer to a proposal, rescheduling and cancelling. Each
 * runs the write pipeline (common/command.ts): scoped load, closed enrolment, version, the programme's
 * transition, the booking checks and clashes, update, audit; the invitations go out in the same transaction.
 */
@Injectable()
export class BookingCommands {
  constructor(
    private readonly commands: Commands,
    private readonly sessions: SessionLoader,
    private readonly writer: SessionWriter,
    private readonly scheduling: SchedulingService,
    private readonly clock: Clock,
  ) {}

  /** The steps every session command shares: load, closed enrolment, version read. */
  private session(user: AuthUser, id: string, version: number) {
    return {
      load: ({ manager }) => this.sessions.load(manager, user, id),
      enrolments: ({ session }) => [session.enrolmentId],
      version: { read: version, of: ({ session }) => session, what: 'session' },
    } satisfies Omit<Command<LoadedSession, unknown>, 'apply'>;
  }

  private book(user: AuthUser, id: string, dto: BookSessionDto, action: 'book' | 'reschedule', reason?: string) {
    return this.commands.run({
      ...this.session(user, id, dto.version),
      apply: async ({ manager }, loaded) => {
        // A paused CCC's own sessions wait for the resume (a cohort meeting goes ahead for the others).
        if (loaded.session.enrolmentId) await refuseIfPaused(manager, [loaded.session.enrolmentId]);
        const to = this.writer.decide(loaded, action, this.clock.now());
        const { fields, startsAt } = this.writer.bookingFields(dto, loaded);
        const leadId = this.writer.leadFor(user, loaded);
        const clash = await this.writer.refuseClash(
          manager,
          loaded,
          leadId,
          startsAt,
          dto.durationMinutes,
          dto.conflictOverrideReason,
        );
        // refuseClash refuses a clash without a reason (409), so a clash here always has one.
        fields.conflictOverrideReason = clash ? (dto.conflictOverrideReason ?? '').trim() : null;
        const changes = { ...fields, status: to, leadId, proposedStartsAt: null };
        await this.writer.update(manager, loaded, dto.version, changes, action);
        await this.writer.invite(
          manager,
          loaded,
          { ...fields, status: to, leadId, version: dto.version + 1 },
          action === 'book' ? 'booked' : 'moved',
          reason,
        );
        return { changes, reason: reason ?? fields.conflictOverrideReason };
      },
      audit: (loaded, { changes, reason }) => this.writer.auditEntry(user, loaded, changes, action, reason),
    });
  }

  async bookSession(user: AuthUser, id: string, dto: BookSessionDto): Promise<SessionView> {
    await this.book(user, id, dto, 'book');
    return this.scheduling.view(user, id);
  }

  async reschedule(user: AuthUser, id: string, dto: RescheduleSessionDto): Promise<SessionView> {
    await this.book(user, id, dto, 'reschedule', dto.reason.trim());
    return this.scheduling.view(user, id);
  }

  /** Cancels, and puts a fresh planned session in its place so the plan item can be booked again. */
  async cancel(user: AuthUser, id: string, dto: CancelSessionDto): Promise<SessionView> {
    const reason = dto.reason.trim();
    await this.commands.run({
      ...this.session(user, id, dto.version),
      apply: async ({ manager }, loaded) => {
        const to = this.writer.decide(loaded, 'cancel', this.clock.now());
        const changes = { status: to, cancellationReason: reason };
        await this.writer.update(manager, loaded, dto.version, changes, 'cancel');
        await this.writer.invite(manager, loaded, { status: to, version: dto.version + 1 }, 'cancelled', reason);
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
        return { changes, replacementId };
      },
      audit: (loaded, { changes, replacementId }) => [
        this.writer.auditEntry(user, loaded, changes, 'cancel', reason),
        {
          actorId: user.id,
          action: 'session.replanned',
          entityType: 'session',
          entityId: replacementId,
          detail: { replaces: loaded.session.id, reason, from: null, to: 'planned' },
        },
      ],
    });
    return this.scheduling.view(user, id);
  }

  /** The PCN supervisor accepts the offered slot or proposes another time. */
  async pcnResponse(user: AuthUser, id: string, dto: PcnResponseDto, viaLink = false): Promise<SessionView> {
    const action = dto.decision === 'accept' ? 'accept_slot' : 'propose_slot';
    await this.commands.run({
      ...this.session(user, id, dto.version),
      apply: async ({ manager }, loaded) => {
        const to = this.writer.decide(loaded, action, this.clock.now());
        if (action === 'accept_slot') {
          await this.writer.update(manager, loaded, dto.version, { status: to }, action);
          return { status: to };
        }
        const proposed = new Date(dto.proposedStartsAt!);
        await this.writer.refuseClash(
          manager,
          loaded,
          loaded.session.leadId,
          proposed,
          loaded.session.durationMinutes!,
        );
        const changes = { status: to, proposedStartsAt: proposed };
        await this.writer.update(manager, loaded, dto.version, changes, action);
        return changes;
      },
      audit: (loaded, changes) => this.writer.auditEntry(user, loaded, changes, action, null, viaLink),
    });
    return this.scheduling.view(user, id);
  }

  /** The Alliance supervisor accepts the PCN's proposal or counters with another time. */
  async allianceResponse(user: AuthUser, id: string, dto: AllianceResponseDto): Promise<SessionView> {
    const action = dto.decision === 'accept' ? 'accept_proposal' : 'counter_proposal';
    await this.commands.run({
      ...this.session(user, id, dto.version),
      apply: async ({ manager }, loaded) => {
        const { session } = loaded;
        const to = this.writer.decide(loaded, action, this.clock.now());
        const startsAt = action === 'accept_proposal' ? session.proposedStartsAt! : new Date(dto.startsAt!);
        const { fields } = this.writer.bookingFields(
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
        await this.writer.refuseClash(manager, loaded, session.leadId, startsAt, session.durationMinutes!);
        const changes = { ...fields, status: to, proposedStartsAt: null };
        await this.writer.update(manager, loaded, dto.version, changes, action);
        return changes;
      },
      audit: (loaded, changes) => this.writer.auditEntry(user, loaded, changes, action),
    });
    return this.scheduling.view(user, id);
  }
}
