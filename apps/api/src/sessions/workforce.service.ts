import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionWorkforce, WorkforceAttendeeView } from '@ccc/contracts';
import type { WiderWorkforceRole } from '@ccc/programme';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Conflict, Invalid, NotFound, StaleVersion } from '../common/domain-errors';
import type { AddWorkforceAttendeeDto, RegisterWorkforceAttendanceDto } from './dto/workforce.dto';
import { audienceOf } from './session-loader';
import { Session } from './session.entity';
import { WorkforceAttendee } from './workforce-attendee.entity';
import { Clock } from '../common/clock';
import { loaded } from '../common/loaded';

const NOT_OPEN = 'This session is not open to the wider workforce';

const view = (a: WorkforceAttendee): WorkforceAttendeeView => ({
  id: a.id,
  fullName: a.fullName,
  role: a.role,
  organisation: a.organisation,
  email: a.email,
  attendance: a.attendance,
  version: a.version,
});

/**
 * The wider support workforce at a session open to them (the month-6 conference): the Alliance (an
 * administrator, or the session's Alliance supervisors, as for recording it) adds them by name, role,
 * organisation and e-mail, without programme accounts, and registers their attendance. Which roles may come is
 * the template's (`openTo` of the plan item); the cohort report counts them.
 */
@Injectable()
export class WorkforceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** The session and the roles it is open to: 404 outside the caller's Alliance, 403 when it is not theirs. */
  private async load(manager: EntityManager, user: AuthUser, id: string) {
    const session = await manager
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.cohort', 'cohort')
      .innerJoinAndSelect('cohort.template', 'template')
      .leftJoinAndSelect('cohort.supervisors', 'cohortSupervisor')
      .leftJoinAndSelect('session.attendances', 'attendance')
      .leftJoinAndSelect('attendance.enrolment', 'enrolment')
      .where('session.id = :id', { id })
      .getOne();
    if (!session) return this.access.refuse(user, 'session', id, 'Session');
    const cohort = loaded(loaded(session, 'cohort').cohort, 'template');
    const audience = audienceOf({
      ...session,
      cohort,
      attendances: loaded(session, 'attendances').attendances.map((a) => loaded(a, 'enrolment')),
    });
    // As for recording the session: only the Alliance's side registers who came.
    if (this.access.sessionActor(user, audience) !== 'alliance')
      return this.access.refuse(user, 'session', id, 'Session');
    const item = cohort.template.definition.plan.find((p) => p.key === session.planItemKey);
    const openTo: WiderWorkforceRole[] = session.sharedByCohort ? (item?.openTo ?? []) : [];
    return { session, openTo };
  }

  async list(user: AuthUser, id: string): Promise<SessionWorkforce> {
    const { openTo } = await this.load(this.db.manager, user, id);
    const attendees = await this.db
      .getRepository(WorkforceAttendee)
      .find({ where: { sessionId: id }, order: { fullName: 'ASC', id: 'ASC' } });
    return { sessionId: id, openTo, attendees: attendees.map(view) };
  }

  async add(user: AuthUser, id: string, dto: AddWorkforceAttendeeDto): Promise<WorkforceAttendeeView> {
    try {
      return await this.commands.run({
        load: ({ manager }) => this.load(manager, user, id),
        apply: async ({ manager }, { session, openTo }) => {
          if (openTo.length === 0) throw new Conflict(NOT_OPEN);
          if (session.status === 'cancelled') throw new Conflict('This session is cancelled');
          if (!openTo.includes(dto.role))
            throw new Invalid({ field: 'role', reason: `this session is open to ${openTo.join(', ')}` });
          const row = await manager.save(
            manager.create(WorkforceAttendee, {
              sessionId: id,
              fullName: dto.fullName.trim(),
              role: dto.role,
              organisation: dto.organisation.trim(),
              email: dto.email.trim().toLowerCase(),
              attendance: 'expected',
            }),
          );
          return view(row);
        },
        audit: (_, row) => ({
          actorId: user.id,
          action: 'session.workforce_added',
          entityType: 'workforce_attendee',
          entityId: row.id,
          detail: { sessionId: id, role: dto.role },
        }),
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        throw new Conflict('Someone with this e-mail address is on this session already');
      throw error;
    }
  }

  /** Their attendance, guarded by the version read (409 when stale); present or absent once the session began. */
  async register(
    user: AuthUser,
    id: string,
    attendeeId: string,
    dto: RegisterWorkforceAttendanceDto,
  ): Promise<WorkforceAttendeeView> {
    return this.commands.run({
      load: async ({ manager }) => {
        const { session } = await this.load(manager, user, id);
        const attendee = await manager.findOneBy(WorkforceAttendee, { id: attendeeId, sessionId: id });
        if (!attendee) throw new NotFound('Attendee not found');
        return { session, attendee };
      },
      version: { read: dto.version, of: ({ attendee }) => attendee, what: 'attendee' },
      apply: async ({ manager }, { session, attendee }) => {
        if (dto.attendance !== 'expected' && (!session.startsAt || session.startsAt > this.clock.now()))
          throw new Conflict('Attendance is registered once the session has begun');
        if (session.status === 'cancelled') throw new Conflict('This session is cancelled');
        const updated = await manager.update(
          WorkforceAttendee,
          { id: attendeeId, version: dto.version },
          { attendance: dto.attendance, version: dto.version + 1 },
        );
        if (!updated.affected) throw new StaleVersion('attendee');
        return view({ ...attendee, attendance: dto.attendance, version: dto.version + 1 });
      },
      audit: ({ attendee }) => ({
        actorId: user.id,
        action: 'session.workforce_attendance',
        entityType: 'workforce_attendee',
        entityId: attendeeId,
        detail: { sessionId: id, before: attendee.attendance, after: dto.attendance },
      }),
    });
  }

  /** Taken off the session (added by mistake, or no longer coming). */
  async remove(user: AuthUser, id: string, attendeeId: string): Promise<void> {
    await this.commands.run({
      load: ({ manager }) => this.load(manager, user, id),
      apply: async ({ manager }) => {
        const deleted = await manager.delete(WorkforceAttendee, { id: attendeeId, sessionId: id });
        if (!deleted.affected) throw new NotFound('Attendee not found');
      },
      audit: () => ({
        actorId: user.id,
        action: 'session.workforce_removed',
        entityType: 'workforce_attendee',
        entityId: attendeeId,
        detail: { sessionId: id },
      }),
    });
  }
}
