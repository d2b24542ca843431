import { DEFAULT_RETENTION_YEARS, type RetentionFacts } from '@ccc/programme';
import type { DataSource, EntityManager } from 'typeorm';

// The read side of retention: which enrolments there are, with the facts their retention is decided on.

export interface RetentionCandidate {
  id: string;
  allianceId: string;
  retentionYears: number;
  facts: RetentionFacts;
}

/**
 * The enrolments with their retention facts, the Alliance's period read from its policy (6 years when it has
 * none): one query. `allianceIds` null: every Alliance (the retention job); `endedOnly`: completed or withdrawn and
 * not erased.
 */
export async function retentionCandidates(
  db: DataSource | EntityManager,
  { allianceIds, endedOnly }: { allianceIds: string[] | null; endedOnly: boolean },
): Promise<(RetentionCandidate & { row: CandidateRow })[]> {
  const rows = (await db.query(
    `SELECT e.id, e.status, e.status_changed_at, e.erased_at, e.erased_reason, c.id AS cohort_id, c.name AS cohort_name,
            c.start_date, c.alliance_id, (t.definition ->> 'durationMonths')::int AS duration_months,
            COALESCE(ap.retention_years, $3)::int AS retention_years,
            p.id AS ccc_id, p.full_name AS ccc_name, o.id AS pcn_id, o.name AS pcn_name
       FROM enrolment e
       JOIN cohort c ON c.id = e.cohort_id
       JOIN programme_template t ON t.id = c.template_id
       LEFT JOIN alliance_policy ap ON ap.alliance_id = c.alliance_id
       JOIN person p ON p.id = e.ccc_id
       JOIN organisation o ON o.id = e.pcn_id
      WHERE ($1::uuid[] IS NULL OR c.alliance_id = ANY($1::uuid[]))
        AND (NOT $2::boolean OR (e.status <> 'active' AND e.erased_at IS NULL))
      ORDER BY c.start_date, c.name, p.full_name, e.id`,
    [allianceIds, endedOnly, DEFAULT_RETENTION_YEARS],
  )) as CandidateRow[];
  return rows.map((row) => ({
    id: row.id,
    allianceId: row.alliance_id,
    retentionYears: row.retention_years,
    facts: {
      status: row.status,
      statusChangedAt: row.status_changed_at,
      cohortStart: row.start_date,
      durationMonths: row.duration_months,
      erasedAt: row.erased_at,
    },
    row,
  }));
}

export interface CandidateRow {
  id: string;
  status: RetentionFacts['status'];
  status_changed_at: Date | null;
  erased_at: Date | null;
  erased_reason: string | null;
  cohort_id: string;
  cohort_name: string;
  start_date: string;
  alliance_id: string;
  duration_months: number;
  retention_years: number;
  ccc_id: string;
  ccc_name: string;
  pcn_id: string;
  pcn_name: string;
}
