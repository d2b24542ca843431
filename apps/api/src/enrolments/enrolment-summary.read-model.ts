import type { EnrolmentSummary } from '@ccc/contracts';
import { type EnrolmentPause, monthOfDate, openPause, type ProgrammeTemplate } from '@ccc/programme';
import type { DataSource } from 'typeorm';
import type { AccessService } from '../access/access.service';
import type { AuthUser } from '../common/auth-user';
import type { Enrolment } from './enrolment.entity';

/**
 * The enrolment summaries the hot reads answer with (the enrolment list, the caseload, the timeline's head, the
 * PCN home), read as a read model: one raw statement selecting only the answered columns, its rows mapped straight
 * into plain records — no query builder and no entity hydration, which cost the API more CPU than the statement
 * itself (issue #17). Writes keep going through the entities (enrolments.service.ts).
 */

/** An enrolment with what a summary, the timeline and the PCN home read of it and of its five joined rows. */
export type EnrolmentRecord = Pick<
  Enrolment,
  | 'id'
  | 'cohortId'
  | 'cccId'
  | 'pcnId'
  | 'pcnSupervisorId'
  | 'allianceSupervisorId'
  | 'track'
  | 'employmentStart'
  | 'status'
  | 'statusReason'
  | 'statusChangedAt'
  | 'version'
  | 'pauses'
> & {
  cohort: { id: string; name: string; startDate: string; templateId: string; allianceId: string };
  ccc: { id: string; fullName: string; email: string };
  pcn: { id: string; name: string };
  pcnSupervisor: { id: string; fullName: string } | null;
  allianceSupervisor: { id: string; fullName: string } | null;
};

interface SummaryRow {
  id: string;
  cohort_id: string;
  ccc_id: string;
  pcn_id: string;
  pcn_supervisor_id: string | null;
  alliance_supervisor_id: string | null;
  track: Enrolment['track'];
  employment_start: string;
  status: Enrolment['status'];
  status_reason: string | null;
  status_changed_at: Date | null;
  version: number;
  pauses: EnrolmentPause[] | null;
  cohort_name: string;
  cohort_start: string;
  template_id: string;
  alliance_id: string;
  ccc_name: string;
  ccc_email: string;
  pcn_name: string;
  pcn_supervisor_name: string | null;
  alliance_supervisor_name: string | null;
}

/**
 * Dates as text: node-postgres would make a `date` a Date at local midnight; the answers carry `YYYY-MM-DD`. The PCN
 * and the supervisors are looked up by scalar subqueries rather than joined: with six relations to order, planning
 * this statement took PostgreSQL 0.8–1.3 ms against 0.3 ms to run it; looked up, 0.3 ms (issue #17).
 */
const SUMMARY_COLUMNS = `
       e.id, e.cohort_id, e.ccc_id, e.pcn_id, e.pcn_supervisor_id, e.alliance_supervisor_id, e.track,
       e.employment_start::text AS employment_start, e.status, e.status_reason, e.status_changed_at, e.version,
       e.pauses, c.name AS cohort_name, c.start_date::text AS cohort_start, c.template_id, c.alliance_id,
       ccc.full_name AS ccc_name, ccc.email AS ccc_email,
       (SELECT name FROM organisation WHERE id = e.pcn_id) AS pcn_name,
       (SELECT full_name FROM person WHERE id = e.pcn_supervisor_id) AS pcn_supervisor_name,
       (SELECT full_name FROM person WHERE id = e.alliance_supervisor_id) AS alliance_supervisor_name`;
const SUMMARY_FROM = `
  FROM enrolment e
  JOIN cohort c ON c.id = e.cohort_id
  JOIN person ccc ON ccc.id = e.ccc_id`;
const SUMMARY_SELECT = `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}`;

/** A supervisor read through a left join: both columns or, with no supervisor, neither (full_name is NOT NULL). */
function joinedPerson(id: string | null, fullName: string | null): { id: string; fullName: string } | null {
  return id !== null && fullName !== null ? { id, fullName } : null;
}

function toRecord(row: SummaryRow): EnrolmentRecord {
  return {
    id: row.id,
    cohortId: row.cohort_id,
    cccId: row.ccc_id,
    pcnId: row.pcn_id,
    pcnSupervisorId: row.pcn_supervisor_id,
    allianceSupervisorId: row.alliance_supervisor_id,
    track: row.track,
    employmentStart: row.employment_start,
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    version: row.version,
    pauses: row.pauses ?? [],
    cohort: {
      id: row.cohort_id,
      name: row.cohort_name,
      startDate: row.cohort_start,
      templateId: row.template_id,
      allianceId: row.alliance_id,
    },
    ccc: { id: row.ccc_id, fullName: row.ccc_name, email: row.ccc_email },
    pcn: { id: row.pcn_id, name: row.pcn_name },
    pcnSupervisor: joinedPerson(row.pcn_supervisor_id, row.pcn_supervisor_name),
    allianceSupervisor: joinedPerson(row.alliance_supervisor_id, row.alliance_supervisor_name),
  };
}

/** The order of a list: the enrolment list's (newest cohort first), or by the CCC's name (the PCN home). */
export type SummaryOrder = 'newest-cohort' | 'ccc-name';
const ORDER: Record<SummaryOrder, string> = {
  'newest-cohort': 'ORDER BY c.start_date DESC, ccc.full_name ASC',
  'ccc-name': 'ORDER BY ccc.full_name ASC',
};

/** The enrolments the caller may read (AccessService's rule), with what a summary reads: one statement. */
export async function readableEnrolments(
  db: DataSource,
  access: AccessService,
  user: AuthUser,
  order: SummaryOrder,
): Promise<EnrolmentRecord[]> {
  const params: unknown[] = [];
  const scope = access.enrolmentScopeSql(user, 'e', params);
  const rows: SummaryRow[] = await db.query(`${SUMMARY_SELECT} WHERE ${scope} ${ORDER[order]}`, params);
  return rows.map(toRecord);
}

/**
 * One enrolment the caller may read, or null (unknown or out of reach alike), with who runs its cohort (the
 * timeline's session actions depend on it): one statement.
 */
export async function readableEnrolment(
  db: DataSource,
  access: AccessService,
  user: AuthUser,
  id: string,
): Promise<(EnrolmentRecord & { cohortSupervisorIds: string[] }) | null> {
  const params: unknown[] = [id];
  const scope = access.enrolmentScopeSql(user, 'e', params);
  const [row] = (await db.query(
    `SELECT ${SUMMARY_COLUMNS},
            ARRAY(SELECT person_id FROM cohort_supervisor WHERE cohort_id = e.cohort_id) AS cohort_supervisor_ids
       ${SUMMARY_FROM} WHERE e.id = $1 AND ${scope}`,
    params,
  )) as (SummaryRow & { cohort_supervisor_ids: string[] })[];
  return row ? { ...toRecord(row), cohortSupervisorIds: row.cohort_supervisor_ids } : null;
}

/** The month a cohort is in today, computed once per cohort however many CCCs a list holds. */
const currentMonths = new Map<string, number | null>();
function currentMonthOf(start: string, durationMonths: number, today: string): number | null {
  const key = `${start}/${durationMonths}/${today}`;
  let month = currentMonths.get(key);
  if (month === undefined) {
    if (currentMonths.size > 10_000) currentMonths.clear();
    month = monthOfDate(start, durationMonths, today);
    currentMonths.set(key, month);
  }
  return month;
}

/** What a summary reads: an EnrolmentRecord, or an Enrolment entity loaded with its five joined rows (writes). */
export type Summarisable = Omit<EnrolmentRecord, 'cohort' | 'ccc' | 'pcn' | 'pcnSupervisor' | 'allianceSupervisor'> & {
  cohort: Pick<EnrolmentRecord['cohort'], 'id' | 'name' | 'startDate'>;
  ccc: EnrolmentRecord['ccc'];
  pcn: EnrolmentRecord['pcn'];
  pcnSupervisor?: EnrolmentRecord['pcnSupervisor'];
  allianceSupervisor?: EnrolmentRecord['allianceSupervisor'];
};

export function toSummary(
  enrolment: Summarisable,
  template: Pick<ProgrammeTemplate, 'durationMonths'>,
  today: string,
): EnrolmentSummary {
  const { cohort, ccc, pcn, pcnSupervisor, allianceSupervisor } = enrolment;
  const pause = openPause(enrolment.pauses ?? []);
  return {
    id: enrolment.id,
    cohort: { id: cohort.id, name: cohort.name, startDate: cohort.startDate },
    ccc: { id: ccc.id, fullName: ccc.fullName, email: ccc.email },
    pcn: { id: pcn.id, name: pcn.name },
    pcnSupervisor: pcnSupervisor ? { id: pcnSupervisor.id, fullName: pcnSupervisor.fullName } : null,
    allianceSupervisor: allianceSupervisor
      ? { id: allianceSupervisor.id, fullName: allianceSupervisor.fullName }
      : null,
    track: enrolment.track,
    employmentStart: enrolment.employmentStart,
    status: enrolment.status,
    statusReason: enrolment.statusReason,
    statusChangedAt: enrolment.statusChangedAt?.toISOString() ?? null,
    currentMonth: currentMonthOf(cohort.startDate, template.durationMonths, today),
    pausedFrom: pause?.from ?? null,
    pauseReason: pause?.reason ?? null,
    version: enrolment.version,
  };
}

/**
 * One page of the enrolments the caller may read, newest cohort first then by CCC, narrowed by words (ILIKE
 * patterns) each in the CCC's name or e-mail, the PCN or the cohort: the count and the page, two statements.
 */
export async function readableEnrolmentsPage(
  db: DataSource,
  access: AccessService,
  user: AuthUser,
  { patterns, limit, offset }: { patterns: string[]; limit: number; offset: number },
): Promise<{ records: EnrolmentRecord[]; total: number }> {
  const params: unknown[] = [];
  const where = [access.enrolmentScopeSql(user, 'e', params)];
  for (const pattern of patterns) {
    params.push(pattern);
    const p = `$${params.length}`;
    where.push(`(ccc.full_name ILIKE ${p} OR ccc.email ILIKE ${p} OR pcn.name ILIKE ${p} OR c.name ILIKE ${p})`);
  }
  const filter = where.join(' AND ');
  const [{ total }] = (await db.query(
    `SELECT count(*)::int AS total
       FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN person ccc ON ccc.id = e.ccc_id
       JOIN organisation pcn ON pcn.id = e.pcn_id
      WHERE ${filter}`,
    params,
  )) as [{ total: number }];
  const rows: SummaryRow[] = await db.query(
    `${SUMMARY_SELECT} JOIN organisation pcn ON pcn.id = e.pcn_id
      WHERE ${filter} ORDER BY c.start_date DESC, ccc.full_name ASC, e.id ASC
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { records: rows.map(toRecord), total };
}
