import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CohortFrameworkResponse,
  FrameworkImportResponse,
  FrameworkResponse,
  FrameworkSummary,
  MoveCohortFrameworkResponse,
} from '@ccc/contracts';
import {
  blockingRemovals,
  competenciesOf,
  type CompetencyFramework,
  frameworkChanges,
  type FrameworkImportProblem,
  importMovesCohort,
  londonDate,
  type RecordedCompetency,
  sameFramework,
} from '@ccc/programme';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AccessService, inCallersAlliance } from '../access/access.service';
import type { AuditRecord } from '../audit/audit.service';
import { Cohort } from '../cohorts/cohort.entity';
import { Commands } from '../common/command';
import type { AuthUser } from '../common/auth-user';
import { assertVersion, Conflict, Invalid, NotFound } from '../common/domain-errors';
import { Person } from '../people/person.entity';
import { personRef } from '../sessions/session-view';
import { CompetencyFrameworkVersion, DEFAULT_FRAMEWORK_ID } from './competency-framework.entity';
import type { MoveCohortFrameworkDto, SetCohortFrameworkDto } from './dto/competencies.dto';
import { type FrameworkFormat, formatOf, frameworkFile, parseFrameworkFile } from './framework-files';
import type { UploadedFile } from './uploads';
import { Clock } from '../common/clock';
import { insertedId, itemAt } from '../common/lookup';

export const MAX_FRAMEWORK_FILE_BYTES = 1024 * 1024;

/** A 400 that names each place in the file at fault. */
function malformed(problems: FrameworkImportProblem[]): Invalid {
  const error = new Invalid(
    problems.map((p) => ({ field: p.at, reason: p.reason })),
    `The file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, first at ${itemAt(problems, 0).at}: ${itemAt(problems, 0).reason}`,
  );
  error.details['problems'] = problems;
  return error;
}

/** The frameworks a caller may see and use: their Alliance's, and the built-in default (of no Alliance). */
function visibleFrameworks(user: AuthUser, id?: string) {
  const byId = id === undefined ? {} : { id };
  return [
    { ...byId, ...inCallersAlliance(user) },
    { ...byId, allianceId: IsNull() },
  ];
}

@Injectable()
export class FrameworksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly commands: Commands,
    private readonly clock: Clock,
  ) {}

  /** Three queries whatever the number of versions: the versions, who imported them, the cohorts on them. */
  private async describe(user: AuthUser, rows: CompetencyFrameworkVersion[], manager: EntityManager = this.db.manager) {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const importers = [...new Set(rows.map((r) => r.importedById).filter((id): id is string => !!id))];
    const people = importers.length ? await manager.find(Person, { where: { id: In(importers) } }) : [];
    const byId = new Map(people.map((p) => [p.id, p]));
    const cohorts = await manager.find(Cohort, {
      select: { id: true, name: true, competencyFrameworkId: true },
      // The built-in framework is shared: only the caller's Alliance's cohorts on it are theirs to see.
      where: { competencyFrameworkId: In(ids), ...inCallersAlliance(user) },
      order: { startDate: 'DESC' },
    });
    return rows.map((row): FrameworkResponse => {
      const on = cohorts.filter((c) => c.competencyFrameworkId === row.id);
      return {
        ...summaryOf(row, on.length, row.importedById ? personRef(byId.get(row.importedById)) : null),
        definition: row.definition,
        cohorts: on.map((c) => ({ id: c.id, name: c.name })),
      };
    });
  }

  /** The caller's Alliance's frameworks and the built-in one. */
  async list(user: AuthUser): Promise<FrameworkSummary[]> {
    const rows = await this.db
      .getRepository(CompetencyFrameworkVersion)
      .find({ where: visibleFrameworks(user), order: { key: 'ASC', version: 'DESC' } });
    return (await this.describe(user, rows)).map(({ definition: _d, cohorts: _c, ...summary }) => summary);
  }

  async get(user: AuthUser, id: string): Promise<FrameworkResponse> {
    const row = await this.db.getRepository(CompetencyFrameworkVersion).findOneBy(visibleFrameworks(user, id));
    if (!row) throw new NotFound('Competency framework not found');
    return itemAt(await this.describe(user, [row]), 0);
  }

  async export(user: AuthUser, id: string, format: FrameworkFormat = 'json') {
    const row = await this.db.getRepository(CompetencyFrameworkVersion).findOneBy(visibleFrameworks(user, id));
    if (!row) throw new NotFound('Competency framework not found');
    const file = frameworkFile(row.definition, format);
    return { ...file, fileName: `${row.key}-v${row.version}.${file.extension}` };
  }

  /**
   * A new version of the file's framework, and every cohort on an older version of it that has not started yet moved
   * onto it, in one transaction (running cohorts stay pinned to the version they started with); refused whole when the file is malformed (400) or when a competency with progress recorded
   * would disappear (409). Importing what the latest version already says stores nothing.
   */
  async import(
    user: AuthUser,
    file: UploadedFile,
    chosen: FrameworkFormat | undefined,
  ): Promise<FrameworkImportResponse> {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
    } catch {
      throw malformed([{ at: 'the file', reason: 'not UTF-8 text: save it as CSV UTF-8 or JSON' }]);
    }
    const parsed = parseFrameworkFile(formatOf(chosen, file.originalname, text), text);
    if (!parsed.ok) throw malformed(parsed.problems);
    const incoming = parsed.framework;

    const outcome = await this.commands.run({
      load: async () => incoming,
      apply: async ({ manager }) => {
        // Imports of one framework key wait for each other: each reads the latest version and adds the next.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
          `competency_framework:${user.allianceId}:${incoming.key}`,
        ]);
        // Versions continue from the latest the Alliance can see, its own or the built-in one it started from.
        const latest = await manager.findOne(CompetencyFrameworkVersion, {
          where: visibleFrameworks(user).map((where) => ({ ...where, key: incoming.key })),
          order: { version: 'DESC' },
        });
        if (latest && sameFramework(latest.definition, incoming))
          return { row: latest, created: false, moved: 0, audit: null };
        const version = (latest?.version ?? 0) + 1;
        const definition: CompetencyFramework = { ...incoming, version };
        // Only cohorts not started yet move along; a running or finished one stays on the version it started with
        // (an administrator may move it explicitly: moveCohort).
        const today = londonDate(this.clock.now());
        const cohorts = (
          (await manager.query(
            `SELECT c.id, c.version, c.start_date::text AS start_date FROM cohort c
             JOIN competency_framework f ON f.id = c.competency_framework_id
            WHERE f.key = $1 AND c.alliance_id = $2 ORDER BY c.id FOR UPDATE OF c`,
            [incoming.key, user.allianceId],
          )) as { id: string; version: number; start_date: string }[]
        ).filter((c) => importMovesCohort(c.start_date, today));
        await this.refuseLostProgress(
          manager,
          cohorts.map((c) => c.id),
          definition,
        );
        const { identifiers } = await manager.insert(CompetencyFrameworkVersion, {
          allianceId: user.allianceId,
          key: definition.key,
          version,
          name: definition.name,
          definition,
          importedById: user.id,
        });
        const id = insertedId({ identifiers });
        if (cohorts.length > 0)
          await manager.query(
            `UPDATE cohort SET competency_framework_id = $1, version = version + 1, updated_at = now() WHERE id = ANY($2::uuid[])`,
            [id, cohorts.map((c) => c.id)],
          );
        const audit: AuditRecord = {
          actorId: user.id,
          action: 'competency-framework.imported',
          entityType: 'competency_framework',
          entityId: id,
          detail: {
            key: definition.key,
            version,
            previousVersion: latest?.version ?? null,
            competencies: competenciesOf(definition).length,
            cohortsMoved: cohorts.map((c) => c.id),
            fileName: file.originalname.slice(0, 200),
          },
        };
        return {
          row: await manager.findOneByOrFail(CompetencyFrameworkVersion, { id }),
          created: true,
          moved: cohorts.length,
          audit,
        };
      },
      audit: (_, { audit }) => audit,
    });
    return {
      framework: itemAt(await this.describe(user, [outcome.row]), 0),
      created: outcome.created,
      cohortsMoved: outcome.moved,
    };
  }

  /** An administrator sets the framework version a cohort's CCCs work towards. */
  async setCohortFramework(
    user: AuthUser,
    cohortId: string,
    dto: SetCohortFrameworkDto,
  ): Promise<CohortFrameworkResponse> {
    const saved = await this.commands.run({
      load: ({ manager }) => this.lockCohort(manager, user, cohortId),
      apply: async ({ manager }, cohort) => {
        const framework = await manager.findOneBy(CompetencyFrameworkVersion, visibleFrameworks(user, dto.frameworkId));
        if (!framework) throw new Invalid({ field: 'frameworkId', reason: 'no competency framework has this id' });
        assertVersion(cohort, dto.version, 'cohort');
        if (cohort.competencyFrameworkId === framework.id) return { cohort, framework, changed: false };
        if (!importMovesCohort(cohort.startDate, londonDate(this.clock.now())))
          throw new Conflict(
            `This cohort started on ${cohort.startDate} and stays on the framework version it started with; move it with ` +
              'POST /api/cohorts/{id}/competency-framework/move, which lists what changes first (dryRun)',
          );
        await this.refuseLostProgress(manager, [cohort.id], framework.definition);
        await manager.update(
          Cohort,
          { id: cohort.id, version: cohort.version },
          { competencyFrameworkId: framework.id, version: cohort.version + 1 },
        );
        return { cohort: { ...cohort, version: cohort.version + 1 }, framework, changed: true };
      },
      audit: (cohort, { framework, changed }) =>
        changed
          ? {
              actorId: user.id,
              action: 'cohort.competency-framework-set',
              entityType: 'cohort',
              entityId: cohort.id,
              detail: {
                from: cohort.competencyFrameworkId,
                to: framework.id,
                key: framework.key,
                version: framework.version,
              },
            }
          : null,
    });
    const { definition: _d, cohorts: _c, ...summary } = itemAt(await this.describe(user, [saved.framework]), 0);
    return { cohortId, framework: summary, version: saved.cohort.version };
  }

  /**
   * An administrator's explicit move of a cohort (running or not) to another framework version. The answer lists
   * what changes, competency by competency; with `dryRun` nothing is written. Refused (409) while a competency the
   * new version leaves out has progress or TNA ratings recorded. Signed-off competencies keep the wording signed.
   */
  async moveCohort(
    user: AuthUser,
    cohortId: string,
    dto: MoveCohortFrameworkDto,
  ): Promise<MoveCohortFrameworkResponse> {
    const dryRun = dto.dryRun === true;
    const outcome = await this.commands.run({
      load: ({ manager }) => this.lockCohort(manager, user, cohortId),
      apply: async ({ manager }, cohort) => {
        const to = await manager.findOneBy(CompetencyFrameworkVersion, visibleFrameworks(user, dto.frameworkId));
        if (!to) throw new Invalid({ field: 'frameworkId', reason: 'no competency framework has this id' });
        assertVersion(cohort, dto.version, 'cohort');
        const from = await manager.findOneByOrFail(CompetencyFrameworkVersion, { id: cohort.competencyFrameworkId });
        const recorded: RecordedCompetency[] = await manager.query(
          `SELECT p.enrolment_id AS "enrolmentId", p.competency_code AS code, p.state FROM competency_progress p
           JOIN enrolment e ON e.id = p.enrolment_id WHERE e.cohort_id = $1
         UNION ALL
         SELECT t.enrolment_id, r.competency_code, 'tna_rated' FROM tna_rating r JOIN tna t ON t.id = r.tna_id
           JOIN enrolment e ON e.id = t.enrolment_id WHERE e.cohort_id = $1`,
          [cohort.id],
        );
        const changes = frameworkChanges(from.definition, to.definition, recorded);
        const same = from.id === to.id;
        if (dryRun || same) return { cohort, from, to, changes, moved: false };
        const blocking = blockingRemovals(changes);
        if (blocking.length > 0)
          throw new Conflict(
            `Refused: progress is recorded against ${blocking.map((b) => `${b.code} (${b.recordedFor} CCC${b.recordedFor === 1 ? '' : 's'})`).join(', ')}, which the new framework leaves out.`,
            { lostProgress: blocking.map((b) => ({ code: b.code, enrolments: b.recordedFor })), changes },
          );
        await manager.update(
          Cohort,
          { id: cohort.id, version: cohort.version },
          { competencyFrameworkId: to.id, version: cohort.version + 1 },
        );
        return { cohort: { ...cohort, version: cohort.version + 1 }, from, to, changes, moved: true };
      },
      audit: (cohort, { from, to, changes, moved }) =>
        moved
          ? {
              actorId: user.id,
              action: 'cohort.competency-framework-moved',
              entityType: 'cohort',
              entityId: cohort.id,
              detail: {
                from: { id: from.id, key: from.key, version: from.version },
                to: { id: to.id, key: to.key, version: to.version },
                added: changes.added.map((c) => c.code),
                removed: changes.removed.map((c) => c.code),
                reworded: changes.reworded.map((c) => c.code),
              },
            }
          : null,
    });
    const described = await this.describe(user, [outcome.from, outcome.to]);
    const from = itemAt(described, 0);
    const to = described[1] ?? from;
    const strip = ({ definition: _d, cohorts: _c, ...summary }: FrameworkResponse) => summary;
    return {
      cohortId,
      dryRun,
      moved: outcome.moved,
      from: strip(from),
      to: strip(to),
      changes: outcome.changes,
      version: outcome.cohort.version,
    };
  }

  /** The cohort of the caller's Alliance, locked for the change (404 otherwise). */
  private async lockCohort(manager: EntityManager, user: AuthUser, cohortId: string): Promise<Cohort> {
    const cohort = await manager.findOne(Cohort, {
      where: { id: cohortId, ...inCallersAlliance(user) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!cohort) throw new NotFound('Cohort not found');
    return cohort;
  }

  /**
   * 409 when moving these cohorts to `framework` would leave progress, evidence, sign-offs or TNA ratings
   * pointing at a competency it no longer has. One query.
   */
  private async refuseLostProgress(
    manager: EntityManager,
    cohortIds: string[],
    framework: CompetencyFramework,
  ): Promise<void> {
    if (cohortIds.length === 0) return;
    const codes = competenciesOf(framework).map((c) => c.code);
    const lost: { code: string; enrolments: string }[] = await manager.query(
      `SELECT code, count(DISTINCT enrolment_id) AS enrolments FROM (
          SELECT p.competency_code AS code, p.enrolment_id FROM competency_progress p
            JOIN enrolment e ON e.id = p.enrolment_id WHERE e.cohort_id = ANY($1::uuid[])
          UNION ALL
          SELECT r.competency_code, t.enrolment_id FROM tna_rating r JOIN tna t ON t.id = r.tna_id
            JOIN enrolment e ON e.id = t.enrolment_id WHERE e.cohort_id = ANY($1::uuid[])
        ) recorded
        WHERE NOT (code = ANY($2::text[]))
        GROUP BY code ORDER BY code`,
      [cohortIds, codes],
    );
    if (lost.length === 0) return;
    const list = lost.map((l) => `${l.code} (${l.enrolments} CCC${l.enrolments === '1' ? '' : 's'})`).join(', ');
    throw new Conflict(
      `Refused: progress is recorded against ${list}, which the new framework leaves out. Keep these codes in the file (their wording may change), or move the cohorts to another framework first.`,
      { lostProgress: lost.map((l) => ({ code: l.code, enrolments: Number(l.enrolments) })) },
    );
  }

  /** The framework versions of these cohorts, by id: one query. */
  async forFrameworkIds(manager: EntityManager, ids: string[]): Promise<Map<string, CompetencyFrameworkVersion>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await manager.find(CompetencyFrameworkVersion, { where: { id: In(unique) } });
    return new Map(rows.map((r) => [r.id, r]));
  }
}

export function summaryOf(
  row: CompetencyFrameworkVersion,
  cohortCount: number,
  importedBy: FrameworkSummary['importedBy'],
): FrameworkSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    version: row.version,
    domainCount: row.definition.domains.length,
    competencyCount: competenciesOf(row.definition).length,
    cohortCount,
    isDefault: row.id === DEFAULT_FRAMEWORK_ID,
    importedBy,
    createdAt: row.createdAt.toISOString(),
  };
}
