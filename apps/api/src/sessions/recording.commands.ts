import { Injectable } from '@nestjs/common';
import type { OpenActionView, SessionView } from '@ccc/contracts';
import { checkAgreedActionDates, markActionDone, resolveActionOwners } from '@ccc/programme';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { assertVersion, Forbidden, Invalid, NotFound } from '../common/domain-errors';
import { AgreedActionEntity } from './agreed-action.entity';
import type { MarkActionDoneDto, RecordSessionDto } from './dto/record-session.dto';
import { SchedulingService } from './scheduling.service';
import { SessionLoader } from './session-loader';
import { SessionWriter } from './session-writes';
import { Clock } from '../common/clock';

/** Recording a held session (register, supervisors, notes, agreed actions) and marking an agreed action done. */
@Injectable()
export class RecordingCommands {
  constructor(
    private readonly commands: Commands,
    private readonly sessions: SessionLoader,
    private readonly writer: SessionWriter,
    private readonly scheduling: SchedulingService,
    private readonly clock: Clock,
  ) {}

  /** Records a held session: the whole register at once, the supervisors' attendance, notes and actions. */
  async record(user: AuthUser, id: string, dto: RecordSessionDto): Promise<SessionView> {
    await this.commands.run({
      load: ({ manager }) => this.sessions.load(manager, user, id),
      enrolments: ({ session }) => [session.enrolmentId],
      version: { read: dto.version, of: ({ session }) => session, what: 'session' },
      apply: async ({ manager, publish }, loaded) => {
        const { session } = loaded;
        const to = this.writer.decide(loaded, 'record', this.clock.now());
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
        // A CCC's action names its CCC: in a group session, one of those on the register.
        const owners = resolveActionOwners(dto.actions ?? [], [...expected]);
        problems.push(...owners.problems);
        if (problems.length > 0) throw new Invalid([...new Map(problems.map((p) => [p.field + p.reason, p])).values()]);
        if (dto.attendance.length > 0) {
          // One statement for the whole register, however many CCCs a group session has.
          await manager.query(
            `UPDATE session_attendance a SET attendance = v.attendance, version = a.version + 1, updated_at = now()
               FROM unnest($2::uuid[], $3::text[]) AS v(enrolment_id, attendance)
              WHERE a.session_id = $1 AND a.enrolment_id = v.enrolment_id`,
            [id, dto.attendance.map((a) => a.enrolmentId), dto.attendance.map((a) => a.attendance)],
          );
        }
        // The training plan marks the teaching a CCC was present at done (competencies' TrainingHooks).
        await publish({
          type: 'session.recorded',
          sessionId: id,
          kind: session.kind,
          month: session.month,
          startsAt: session.startsAt,
          presentEnrolmentIds: dto.attendance.filter((a) => a.attendance === 'present').map((a) => a.enrolmentId),
          recordedById: user.id,
          recordedAt: this.clock.now(),
        });
        if (dto.actions?.length) {
          await manager.insert(
            AgreedActionEntity,
            dto.actions.map((a, i) => ({
              sessionId: id,
              description: a.description.trim(),
              owner: a.owner,
              ownerEnrolmentId: owners.owners[i] ?? null,
              dueDate: a.dueDate,
            })),
          );
        }
        const changes = {
          status: to,
          notes: dto.notes?.trim() || null,
          staffAttendance: { ...dto.staffAttendance },
          recordedAt: this.clock.now(),
          recordedById: user.id,
        };
        await this.writer.update(manager, loaded, dto.version, changes, 'record');
        return changes;
      },
      audit: (loaded, changes) => this.writer.auditEntry(user, loaded, changes, 'record'),
    });
    return this.scheduling.view(user, id);
  }

  /** The owner of an agreed action marks it done (audited); done again changes nothing. */
  async markActionDone(user: AuthUser, actionId: string, dto: MarkActionDoneDto): Promise<OpenActionView> {
    return this.commands
      .run({
        load: async ({ manager }) => {
          const action = await manager.findOne(AgreedActionEntity, {
            where: { id: actionId },
            lock: { mode: 'pessimistic_write' },
          });
          if (!action) throw new NotFound('Agreed action not found');
          return { action, loaded: await this.sessions.load(manager, user, action.sessionId) };
        },
        enrolments: ({ loaded }) => [loaded.session.enrolmentId],
        apply: async ({ manager }, { action, loaded }) => {
          const decision = markActionDone(action, this.sessions.rolesIn(user, loaded), (enrolmentId) =>
            loaded.session.attendances.some((a) => a.enrolmentId === enrolmentId && a.enrolment.cccId === user.id),
          );
          if (!decision.ok) throw new Forbidden(decision.reason);
          // Done again changes nothing, so only a change checks the version read.
          if (decision.changed) {
            assertVersion(action, dto.version, 'action');
            await manager.update(
              AgreedActionEntity,
              { id: action.id, version: action.version },
              { done: true, version: action.version + 1 },
            );
          }
          const { session } = loaded;
          const attendee = loaded.audience.attendees.find((a) => a.cccId === user.id) ?? loaded.audience.attendees[0];
          const attendance =
            session.attendances.find((a) => a.enrolmentId === action.ownerEnrolmentId) ??
            session.attendances.find((a) => a.enrolment.cccId === attendee?.cccId);
          const ownerAttendance = session.attendances.find((a) => a.enrolmentId === action.ownerEnrolmentId);
          return {
            changed: decision.changed,
            view: {
              id: action.id,
              description: action.description,
              owner: action.owner,
              ownerEnrolmentId: action.ownerEnrolmentId,
              ownerCcc: ownerAttendance?.enrolment?.ccc
                ? { id: ownerAttendance.enrolment.ccc.id, fullName: ownerAttendance.enrolment.ccc.fullName }
                : null,
              dueDate: action.dueDate,
              done: true,
              version: decision.changed ? action.version + 1 : action.version,
              session: { id: session.id, title: session.title, startsAt: session.startsAt?.toISOString() ?? null },
              enrolmentId: attendance?.enrolmentId ?? '',
              ccc: { id: attendance?.enrolment?.ccc?.id ?? '', fullName: attendance?.enrolment?.ccc?.fullName ?? '' },
              mine: true,
            },
          };
        },
        audit: ({ action }, { changed }) =>
          changed
            ? {
                actorId: user.id,
                action: 'agreed_action.done',
                entityType: 'agreed_action',
                entityId: action.id,
                detail: { sessionId: action.sessionId, owner: action.owner, from: 'open', to: 'done' },
              }
            : null,
      })
      .then(({ view }) => view);
  }
}
