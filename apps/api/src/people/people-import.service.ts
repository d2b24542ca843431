import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PeopleImportReport, PeopleImportRowView } from '@ccc/contracts';
import { type PeopleImportProblem, type PeopleImportRow, peopleImportTemplate, readPeopleImport } from '@ccc/programme';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { Commands } from '../common/command';
import { writeCsv } from '../common/csv';
import type { UploadedFile } from '../competencies/uploads';
import { Organisation } from '../organisations/organisation.entity';
import { BulkInvitationsService } from './bulk-invitations.service';
import { readPeopleFile } from './people-import-files';
import { Forbidden, Invalid } from '../common/domain-errors';

interface PlannedRow extends PeopleImportRow {
  outcome: 'invite' | 'add_role';
  organisation: Organisation;
}

interface Plan {
  planned: PlannedRow[];
  problems: PeopleImportProblem[];
  /** Every row read, with its outcome (or `error`), for the answer. */
  views: PeopleImportRowView[];
}

const byRowThenColumn = (a: PeopleImportProblem, b: PeopleImportProblem) => a.row - b.row;

/**
 * Bulk import of an Alliance's people from a CSV or XLSX file. Each row goes by the invitation's own rules and
 * e-mails (BulkInvitationsService.inviteMany): an e-mailed role offer that the person accepts, or, for someone on the
 * Alliance's people list, the role given directly; so an import says no more than an invitation does about an
 * e-mail address known elsewhere. The import does not enrol: a CCC holds no role until they accept, and enrolment
 * (cohort, track, supervisors) stays the enrolment form's; the employment start is kept on the offer for it.
 */
@Injectable()
export class PeopleImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invitations: BulkInvitationsService,
    private readonly commands: Commands,
  ) {}

  /** The template: its header row is exactly what the reader expects, with one example row per role. */
  template(): string {
    return writeCsv(peopleImportTemplate());
  }

  async dryRun(user: AuthUser, file: UploadedFile): Promise<PeopleImportReport> {
    const allianceId = this.allianceOf(user);
    const read = await this.read(file);
    const plan = await this.plan(this.db.manager, allianceId, read.rows, read.problems);
    return this.report(true, plan);
  }

  /** Everything or nothing: any row with a problem is a 400 naming each row and column, and nothing is written. */
  async import(user: AuthUser, file: UploadedFile, baseUrl: string): Promise<PeopleImportReport> {
    const allianceId = this.allianceOf(user);
    const read = await this.read(file);
    if (read.problems.length) throw this.refusal(read.problems);
    const { report } = await this.commands.run({
      load: async ({ manager }) => {
        // The invitation's own lock for every address, in one order (two imports cannot deadlock).
        await manager.query(
          `SELECT pg_advisory_xact_lock(hashtextextended('invite:' || e, 0))
             FROM (SELECT DISTINCT unnest($1::text[]) AS e ORDER BY 1) AS emails`,
          [read.rows.map((r) => r.email)],
        );
        const plan = await this.plan(manager, allianceId, read.rows, []);
        if (plan.problems.length) throw this.refusal(plan.problems);
        return plan;
      },
      // The invitation's own rules and e-mails, set-based: a fixed number of statements for the whole file.
      apply: async ({ manager }, plan) => {
        const { audits } = await this.invitations.inviteMany(
          manager,
          user,
          plan.planned.map((row) => ({
            email: row.email,
            fullName: row.fullName,
            role: row.role,
            employmentStart: row.employmentStart,
            organisation: row.organisation,
          })),
          baseUrl,
        );
        return { report: this.report(false, plan), audits };
      },
      audit: (_plan, { report, audits }) => [
        ...audits,
        {
          actorId: user.id,
          action: 'people.imported',
          entityType: 'organisation',
          entityId: allianceId,
          detail: { fileName: file.originalname.slice(0, 150), ...report.counts },
        },
      ],
    });
    return report;
  }

  private allianceOf(user: AuthUser): string {
    if (!user.allianceId) throw new Forbidden('You do not act in an Alliance');
    return user.allianceId;
  }

  private async read(file: UploadedFile): Promise<{ rows: PeopleImportRow[]; problems: PeopleImportProblem[] }> {
    const file_ = await readPeopleFile(file);
    if ('problem' in file_) return { rows: [], problems: [file_.problem] };
    return readPeopleImport(file_.records);
  }

  private refusal(problems: PeopleImportProblem[]) {
    return new Invalid(
      [...problems].sort(byRowThenColumn).map((p) => ({
        field: p.column ? `row ${p.row}, ${p.column}` : `row ${p.row}`,
        reason: p.reason,
      })),
    );
  }

  /**
   * What each row would do, from four set-based queries (the Alliance's PCNs, the people by e-mail, their roles
   * in this Alliance, their offers waiting here): nothing here depends on anything outside the caller's Alliance.
   */
  private async plan(
    manager: EntityManager,
    allianceId: string,
    rows: PeopleImportRow[],
    readProblems: PeopleImportProblem[],
  ): Promise<Plan> {
    const problems = [...readProblems];
    const organisations = await manager
      .getRepository(Organisation)
      .find({ where: [{ id: allianceId }, { allianceId, kind: 'pcn' }] });
    const alliance = organisations.find((o) => o.id === allianceId && o.kind === 'alliance');
    const pcns = new Map<string, Organisation[]>();
    for (const o of organisations.filter((x) => x.kind === 'pcn')) {
      const key = o.name.trim().toLowerCase();
      pcns.set(key, [...(pcns.get(key) ?? []), o]);
    }
    const emails = [...new Set(rows.map((r) => r.email))];
    const people: { id: string; email: string }[] = emails.length
      ? await manager.query('SELECT id, email FROM person WHERE email = ANY($1::text[])', [emails])
      : [];
    const personByEmail = new Map(people.map((p) => [p.email, p.id]));
    const ids = people.map((p) => p.id);
    const holds: { person_id: string; role: string; organisation_id: string }[] = ids.length
      ? await manager.query(
          `SELECT ra.person_id, ra.role, ra.organisation_id FROM role_assignment ra
             JOIN organisation o ON o.id = ra.organisation_id
            WHERE o.alliance_id = $1 AND ra.person_id = ANY($2::uuid[])`,
          [allianceId, ids],
        )
      : [];
    const waiting: { person_id: string }[] = ids.length
      ? await manager.query(
          `SELECT DISTINCT person_id FROM role_offer
            WHERE alliance_id = $1 AND person_id = ANY($2::uuid[]) AND accepted_at IS NULL AND declined_at IS NULL`,
          [allianceId, ids],
        )
      : [];
    const inAlliance = new Set(holds.map((h) => h.person_id));
    const held = new Set(holds.map((h) => `${h.person_id} ${h.role} ${h.organisation_id}`));
    const offerWaiting = new Set(waiting.map((w) => w.person_id));
    const invitedAt = new Map<string, number>();

    const planned: PlannedRow[] = [];
    for (const row of rows) {
      const before = problems.length;
      const problem = (column: PeopleImportProblem['column'], reason: string) =>
        problems.push({ row: row.row, column, reason });
      let organisation: Organisation | undefined;
      if (row.role === 'alliance_supervisor') organisation = alliance;
      else {
        const named = pcns.get((row.pcn ?? '').toLowerCase()) ?? [];
        if (named.length === 0) problem('pcn', 'no PCN of this name in your Alliance');
        else if (named.length > 1) problem('pcn', 'more than one PCN in your Alliance has this name');
        else if (named[0]?.closedAt) problem('pcn', 'this PCN is closed and takes no one new');
        else organisation = named[0];
      }
      const personId = personByEmail.get(row.email);
      const onList = personId !== undefined && inAlliance.has(personId);
      if (organisation && personId && held.has(`${personId} ${row.role} ${organisation.id}`))
        problem('email', 'This person already holds this role here');
      else if (personId && !onList && offerWaiting.has(personId))
        problem(
          'email',
          'An invitation to this e-mail address is waiting for an answer; send it again from the people list',
        );
      else if (!onList && invitedAt.has(row.email))
        problem(
          'email',
          `row ${invitedAt.get(row.email)} invites this e-mail address already: one invitation at a time (give the other role once they have accepted)`,
        );
      if (problems.length === before && organisation) {
        if (!onList) invitedAt.set(row.email, row.row);
        planned.push({ ...row, organisation, outcome: onList ? 'add_role' : 'invite' });
      }
    }
    const outcomeOf = new Map(planned.map((p) => [p.row, p.outcome]));
    const views: PeopleImportRowView[] = rows.map((r) => ({
      row: r.row,
      fullName: r.fullName,
      email: r.email,
      role: r.role,
      pcn: r.pcn,
      employmentStart: r.employmentStart,
      outcome: outcomeOf.get(r.row) ?? 'error',
    }));
    // Rows the reader refused have no view of their own: they show through their problems.
    return { planned, problems: problems.sort(byRowThenColumn), views };
  }

  private report(dryRun: boolean, plan: Plan): PeopleImportReport {
    const refusedRows = new Set(plan.problems.map((p) => p.row));
    const count = (outcome: string) => plan.views.filter((v) => v.outcome === outcome).length;
    return {
      dryRun,
      rows: plan.views,
      problems: plan.problems,
      counts: {
        rows: plan.views.length + [...refusedRows].filter((r) => !plan.views.some((v) => v.row === r)).length,
        invite: count('invite'),
        addRole: count('add_role'),
        error: refusedRows.size,
      },
    };
  }
}
