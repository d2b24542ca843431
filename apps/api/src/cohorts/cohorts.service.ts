import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CohortResponse } from '@ccc/contracts';
import { checkEligibility, londonDate, type ProgrammeTemplate } from '@ccc/programme';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AccessService, inCallersAlliance } from '../access/access.service';
import { type CommandContext, Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { Conflict, type FieldError, Invalid } from '../common/domain-errors';
import { oneRow } from '../common/one-row';
import { RoleAssignment } from '../people/role-assignment.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';
import { Cohort } from './cohort.entity';
import type { CreateCohortDto } from './dto/create-cohort.dto';
import type { CohortVersionDto, UpdateCohortDto } from './dto/update-cohort.dto';
import { isStillReferenced } from '../database/pg-errors';
import { Clock } from '../common/clock';
import { CohortReadsService } from './cohort-reads.service';

const ACTIVITY =
  'Something has already happened in this cohort (a session booked or held, or a record kept); close it instead';

interface LockedCohort {
  id: string;
  name: string;
  start_date: string;
  closed_at: Date | null;
  version: number;
  alliance_id: string;
  definition: ProgrammeTemplate;
}

/** The cohort's commands: create, correct, close, delete (reads: CohortReadsService). */
@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
    private readonly reads: CohortReadsService,
  ) {}

  /** A cohort of a template version of the caller's Alliance, run by Alliance supervisors of that Alliance. */
  async create(user: AuthUser, dto: CreateCohortDto): Promise<CohortResponse> {
    const template = await this.db
      .getRepository(ProgrammeTemplateVersion)
      .findOneBy({ id: dto.templateId, ...inCallersAlliance(user) });
    const supervisorIds = [...new Set(dto.supervisorIds)];
    const errors: FieldError[] = [];
    if (!template) errors.push({ field: 'templateId', reason: 'no template version of your Alliance has this id' });
    else if (supervisorIds.length > 0) {
      const roles = await this.db.getRepository(RoleAssignment).find({
        where: { personId: In(supervisorIds), role: 'alliance_supervisor', organisationId: template.allianceId },
      });
      const found = new Set(roles.map((r) => r.personId));
      supervisorIds
        .filter((id) => !found.has(id))
        .forEach((id) =>
          errors.push({
            field: 'supervisorIds',
            reason: `${id} is not an Alliance supervisor of the template's Alliance`,
          }),
        );
    }
    // No template is the first of the errors.
    if (!template || errors.length > 0) throw new Invalid(errors);
    const id = await this.commands.run({
      load: async () => template,
      apply: async ({ manager }) => {
        const cohort = await manager.save(
          manager.create(Cohort, {
            name: dto.name.trim(),
            allianceId: template.allianceId,
            templateId: template.id,
            startDate: dto.startDate,
            supervisors: supervisorIds.map((personId) => ({ id: personId })),
          }),
        );
        return cohort.id;
      },
      audit: (template, cohortId) => ({
        actorId: user.id,
        action: 'cohort.created',
        entityType: 'cohort',
        entityId: cohortId,
        detail: { templateId: template.id, startDate: dto.startDate, supervisorIds },
      }),
    });
    return this.reads.get(user, id);
  }

  /**
   * The cohort of the caller's Alliance (404 otherwise: another Alliance's is as unknown as a missing one), locked
   * for the change.
   */
  private async lockForChange(manager: EntityManager, user: AuthUser, id: string) {
    const [row] = (await manager.query(
      `SELECT c.id, c.name, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, c.closed_at, c.version, c.alliance_id,
              t.definition
         FROM cohort c JOIN programme_template t ON t.id = c.template_id
        WHERE c.id = $1 AND c.alliance_id = $2 FOR UPDATE OF c`,
      [id, user.allianceId ?? '00000000-0000-0000-0000-000000000000'],
    )) as LockedCohort[];
    return row ?? this.access.refuse(user, 'cohort', id, 'Cohort');
  }

  /** The scoped, locked load and the version read, shared by the cohort's commands. */
  private change(user: AuthUser, id: string, version: number) {
    return {
      load: ({ manager }: CommandContext) => this.lockForChange(manager, user, id),
      version: { read: version, of: (row: LockedCohort) => row, what: 'cohort' },
    };
  }

  private async supervisorsOf(manager: EntityManager, id: string): Promise<string[]> {
    const rows: { person_id: string }[] = await manager.query(
      'SELECT person_id FROM cohort_supervisor WHERE cohort_id = $1 ORDER BY person_id',
      [id],
    );
    return rows.map((r) => r.person_id);
  }

  /**
   * Administrators correct a cohort: its name at any time; its start date and supervisors only before it starts
   * (409 after). The planned sessions are kept by month, so they move with the start date; a session already
   * booked keeps its time. Every enrolled CCC must stay eligible on the new date (400 naming startDate).
   */
  async update(user: AuthUser, id: string, dto: UpdateCohortDto): Promise<CohortResponse> {
    await this.commands.run({
      ...this.change(user, id, dto.version),
      apply: async ({ manager }, row) => {
        if (row.closed_at) throw new Conflict('This cohort is closed; its details can no longer be changed');
        const today = londonDate(this.clock.now());
        const started = row.start_date <= today;
        const before = {
          name: row.name,
          startDate: row.start_date,
          supervisorIds: await this.supervisorsOf(manager, id),
        };
        const after = {
          name: dto.name?.trim() ?? before.name,
          startDate: dto.startDate ?? before.startDate,
          supervisorIds: dto.supervisorIds ? [...new Set(dto.supervisorIds)].sort() : before.supervisorIds,
        };
        const datesChange = after.startDate !== before.startDate;
        const supervisorsChange = after.supervisorIds.join() !== before.supervisorIds.join();
        if (started && (datesChange || supervisorsChange))
          throw new Conflict(
            `This cohort started on ${before.startDate}: its dates and supervisors can no longer be changed (a cohort ` +
              'created in error can be deleted while nothing has happened in it)',
          );
        const errors: FieldError[] = [];
        if (datesChange && after.startDate <= today)
          errors.push({ field: 'startDate', reason: `startDate must be after today (${today})` });
        if (datesChange && errors.length === 0) {
          const enrolled: { full_name: string; track: 'supervision' | 'training'; employment_start: string }[] =
            await manager.query(
              `SELECT p.full_name, e.track, to_char(e.employment_start, 'YYYY-MM-DD') AS employment_start
               FROM enrolment e JOIN person p ON p.id = e.ccc_id
              WHERE e.cohort_id = $1 AND e.status = 'active' ORDER BY p.full_name`,
              [id],
            );
          for (const e of enrolled) {
            const eligibility = checkEligibility({
              track: e.track,
              employmentStart: e.employment_start,
              cohortStart: after.startDate,
              template: row.definition,
            });
            if (!eligibility.eligible)
              errors.push({
                field: 'startDate',
                reason: `${e.full_name} would no longer be eligible: ${eligibility.reason}`,
              });
          }
        }
        if (supervisorsChange && after.supervisorIds.length > 0) {
          const roles = await manager.find(RoleAssignment, {
            where: { personId: In(after.supervisorIds), role: 'alliance_supervisor', organisationId: row.alliance_id },
          });
          const found = new Set(roles.map((r) => r.personId));
          for (const personId of after.supervisorIds.filter((p) => !found.has(p)))
            errors.push({
              field: 'supervisorIds',
              reason: `${personId} is not an Alliance supervisor of this Alliance`,
            });
        }
        if (errors.length > 0) throw new Invalid(errors);
        await manager.update(
          Cohort,
          { id },
          { name: after.name, startDate: after.startDate, version: row.version + 1 },
        );
        if (supervisorsChange) {
          await manager.query('DELETE FROM cohort_supervisor WHERE cohort_id = $1', [id]);
          if (after.supervisorIds.length > 0)
            await manager.query('INSERT INTO cohort_supervisor (cohort_id, person_id) SELECT $1, unnest($2::uuid[])', [
              id,
              after.supervisorIds,
            ]);
        }
        const booked = oneRow(
          (await manager.query(
            `SELECT count(*)::int AS n FROM session WHERE cohort_id = $1 AND starts_at IS NOT NULL AND status <> 'cancelled'`,
            [id],
          )) as { n: number }[],
        );
        return { before, after, bookedSessionsKept: datesChange ? booked.n : 0 };
      },
      audit: (_, detail) => ({
        actorId: user.id,
        action: 'cohort.updated',
        entityType: 'cohort',
        entityId: id,
        detail,
      }),
    });
    return this.reads.get(user, id);
  }

  /** Administrators close a cohort: its records stay, it takes no new enrolments and no more corrections. */
  async close(user: AuthUser, id: string, dto: CohortVersionDto): Promise<CohortResponse> {
    await this.commands.run({
      ...this.change(user, id, dto.version),
      apply: async ({ manager }, row) => {
        if (row.closed_at) throw new Conflict('This cohort is already closed');
        const closedAt = this.clock.now();
        await manager.update(Cohort, { id }, { closedAt, version: row.version + 1 });
        return closedAt;
      },
      audit: (_, closedAt) => ({
        actorId: user.id,
        action: 'cohort.closed',
        entityType: 'cohort',
        entityId: id,
        detail: { before: { closedAt: null }, after: { closedAt: closedAt.toISOString() } },
      }),
    });
    return this.reads.get(user, id);
  }

  /**
   * Administrators delete a cohort created in error while nothing has happened in it: no session booked or held,
   * and nothing recorded against its enrolments (any row that refers to them refuses the delete: 409). The
   * enrolments and their generated sessions go with it; the audit entry keeps what was deleted.
   */
  async remove(user: AuthUser, id: string, dto: CohortVersionDto): Promise<void> {
    try {
      await this.commands.run({
        ...this.change(user, id, dto.version),
        apply: async ({ manager }) => {
          const activity = oneRow(
            (await manager.query(
              `SELECT count(*)::int AS n FROM session WHERE cohort_id = $1 AND (status <> 'planned' OR starts_at IS NOT NULL)`,
              [id],
            )) as { n: number }[],
          );
          if (activity.n > 0) throw new Conflict(ACTIVITY);
          const enrolments: { id: string; ccc_id: string }[] = await manager.query(
            'SELECT id, ccc_id FROM enrolment WHERE cohort_id = $1 ORDER BY id',
            [id],
          );
          const supervisorIds = await this.supervisorsOf(manager, id);
          await manager.query(
            'DELETE FROM session_attendance WHERE session_id IN (SELECT id FROM session WHERE cohort_id = $1)',
            [id],
          );
          await manager.query('DELETE FROM session WHERE cohort_id = $1', [id]);
          await manager.query('DELETE FROM enrolment WHERE cohort_id = $1', [id]);
          await manager.query('DELETE FROM cohort_supervisor WHERE cohort_id = $1', [id]);
          await manager.query('DELETE FROM cohort WHERE id = $1', [id]);
          return { supervisorIds, enrolments };
        },
        audit: (row, { supervisorIds, enrolments }) => ({
          actorId: user.id,
          action: 'cohort.deleted',
          entityType: 'cohort',
          entityId: id,
          detail: {
            before: { name: row.name, startDate: row.start_date, supervisorIds, enrolments },
            after: null,
          },
        }),
      });
    } catch (error) {
      if (isStillReferenced(error)) throw new Conflict(ACTIVITY);
      throw error;
    }
  }
}
