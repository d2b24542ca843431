import type { EnrolmentPause, ProgrammeTemplate, Track } from '@ccc/programme';
import type { DataSource } from 'typeorm';
import type { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import type { Enrolment } from '../enrolments/enrolment.entity';
import { definitionOf, definitionSql, knownTemplateIds } from '../programmes/template.read-model';

/**
 * What the cohort report reads of cohorts and enrolments, as a read model: raw statements of the answered columns
 * mapped straight into plain rows (no query builder, no entity hydration), each template's definition parsed once
 * per process (template.read-model.ts). Issue #17: the API's own CPU per request.
 */
export interface ReportCohort {
  id: string;
  name: string;
  startDate: string;
  templateId: string;
  template: ProgrammeTemplate;
}

export interface ReportEnrolment {
  id: string;
  cohortId: string;
  pcnId: string;
  pcnName: string;
  track: Track;
  status: Enrolment['status'];
  pauses: EnrolmentPause[];
}

export interface CohortFilters {
  cohortId?: string;
  from?: string;
  to?: string;
}

/** The cohorts in the caller's scope (AccessService.scopeCohorts) passing the filters, with their templates. */
export async function reportCohorts(
  db: DataSource,
  access: AccessService,
  user: AuthUser,
  filters: CohortFilters,
): Promise<ReportCohort[]> {
  const params: unknown[] = [knownTemplateIds()];
  const where = [access.cohortScopeSql(user, 'c', params)];
  const filter = (sql: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  filter('c.id = ?', filters.cohortId);
  filter('c.start_date >= ?', filters.from);
  filter('c.start_date <= ?', filters.to);
  const rows: {
    id: string;
    name: string;
    start_date: string;
    template_id: string;
    definition: ProgrammeTemplate | null;
  }[] = await db.query(
    `SELECT c.id, c.name, c.start_date::text AS start_date, c.template_id, ${definitionSql('t', '$1')} AS definition
       FROM cohort c JOIN programme_template t ON t.id = c.template_id
      WHERE ${where.join(' AND ')}
      ORDER BY c.start_date ASC, c.name ASC`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    startDate: row.start_date,
    templateId: row.template_id,
    template: definitionOf(row.template_id, row.definition),
  }));
}

/** The enrolments of these cohorts (of one PCN, if given): the columns the tables read, and the PCN's name. */
export async function reportEnrolments(
  db: DataSource,
  cohortIds: string[],
  pcnId: string | null,
): Promise<ReportEnrolment[]> {
  if (cohortIds.length === 0) return [];
  const rows: ReportEnrolment[] = await db.query(
    `SELECT e.id, e.cohort_id AS "cohortId", e.pcn_id AS "pcnId", pcn.name AS "pcnName", e.track, e.status, e.pauses
       FROM enrolment e JOIN organisation pcn ON pcn.id = e.pcn_id
      WHERE e.cohort_id = ANY($1::uuid[])${pcnId ? ' AND e.pcn_id = $2' : ''}
      ORDER BY e.id`,
    pcnId ? [cohortIds, pcnId] : [cohortIds],
  );
  return rows;
}
