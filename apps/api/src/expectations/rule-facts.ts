import {
  type CompetencyFacts,
  type DutyDates,
  type EnrolmentPause,
  type ExpectationFacts,
  type IsoDate,
  londonDate,
  type ReleaseEntry,
  type SessionFact,
  type TrainingFact,
  type Track,
} from '@ccc/programme';
import type { DataSource, EntityManager } from 'typeorm';

type AttendanceRow = Omit<SessionFact, 'startsAt' | 'durationMinutes' | 'pcnSupervisorAttendance'> & {
  enrolment_id: string;
  starts_at: Date | null;
  duration_minutes: number | null;
  pcn_supervisor: SessionFact['pcnSupervisorAttendance'];
};

/**
 * The facts the expectation rules read, as plain values, for the given enrolments of `cohortIds` (`'every
 * cohort'`: the whole country), for reports over many CCCs (the cohort report, the national figures). Four
 * queries, each selecting only the columns the rules read and each driven by the cohorts, never by a list of every
 * enrolment sent from here: the cohorts' enrolment ids are gathered in PostgreSQL (`ARRAY(SELECT …)`) and each
 * table is read through its enrolment index. Joined to `enrolment` instead, the planner costs the scattered rows
 * of a cohort's enrolments above a scan of the whole table and hashes every row of it (the benchmark's cohort of
 * 45 CCCs: 25–50 ms a statement against 1–2 ms). Attestations carry no name: the figures built from these count
 * states, never the evidence's words.
 */
export async function ruleFacts(
  db: DataSource,
  enrolments: readonly { id: string; cohortStart: IsoDate; track: Track; pauses?: EnrolmentPause[] }[],
  cohortIds: readonly string[] | 'every cohort',
): Promise<Map<string, ExpectationFacts>> {
  const facts = new Map<string, ExpectationFacts>(
    enrolments.map((e) => [
      e.id,
      {
        cohortStart: e.cohortStart,
        track: e.track,
        pauses: e.pauses ?? [],
        sessions: [],
        release: [],
        attestations: [],
        surveySubmittedOn: null,
      },
    ]),
  );
  if (facts.size === 0 || (cohortIds !== 'every cohort' && cohortIds.length === 0)) return facts;
  const all = cohortIds === 'every cohort';
  const params = all ? [] : [cohortIds];
  const cohortEnrolments = 'ARRAY(SELECT e.id FROM enrolment e WHERE e.cohort_id = ANY($1::uuid[]))';
  const ofSessions = all ? '' : `WHERE s.cohort_id = ANY($1::uuid[]) AND a.enrolment_id = ANY(${cohortEnrolments})`;
  const ofEnrolments = (alias: string) => (all ? '' : `AND ${alias}.enrolment_id = ANY(${cohortEnrolments})`);
  const [attendance, release, attestations, surveys, progress] = (await Promise.all([
    db.query(
      `SELECT a.enrolment_id, s.kind, s.month, s.status, s.starts_at, s.duration_minutes, a.attendance,
              s.staff_attendance ->> 'pcn_supervisor' AS pcn_supervisor
         FROM session s JOIN session_attendance a ON a.session_id = s.id ${ofSessions}`,
      params,
    ),
    db.query(
      `SELECT r.enrolment_id, r.kind, r.date, r.minutes, r.status, r.override_reason
         FROM release_request r WHERE true ${ofEnrolments('r')}`,
      params,
    ),
    db.query(
      `SELECT t.enrolment_id, t.expectation_key, t.attested_on
         FROM attestation t WHERE true ${ofEnrolments('t')}`,
      params,
    ),
    // The CCC's own evaluation survey, when submitted (month-six): its date only, never its answers.
    db.query(
      `SELECT r.enrolment_id, r.submitted_at
         FROM evaluation_response r
        WHERE r.respondent = 'ccc' AND r.status = 'submitted' ${ofEnrolments('r')}`,
      params,
    ),
    progressFacts(db, all ? 'every cohort' : { cohortIds: cohortIds as string[] }),
  ])) as [
    AttendanceRow[],
    (ReleaseEntry & { enrolment_id: string; override_reason: string | null })[],
    { enrolment_id: string; expectation_key: string; attested_on: IsoDate }[],
    { enrolment_id: string; submitted_at: Date }[],
    Map<string, ProgressFacts>,
  ];
  for (const a of attendance)
    facts.get(a.enrolment_id)?.sessions.push({
      kind: a.kind,
      month: a.month,
      status: a.status,
      startsAt: a.starts_at,
      durationMinutes: a.duration_minutes,
      attendance: a.attendance,
      pcnSupervisorAttendance: a.pcn_supervisor ?? null,
    });
  for (const r of release)
    facts.get(r.enrolment_id)?.release.push({
      kind: r.kind,
      date: r.date,
      minutes: r.minutes,
      status: r.status,
      overrideReason: r.override_reason,
    });
  for (const t of attestations)
    facts
      .get(t.enrolment_id)
      ?.attestations.push({ expectationKey: t.expectation_key, attestedOn: t.attested_on, attestedBy: '' });
  for (const r of surveys) {
    const f = facts.get(r.enrolment_id);
    if (f) f.surveySubmittedOn = londonDate(r.submitted_at);
  }
  for (const [id, p] of progress) {
    const f = facts.get(id);
    if (f) withProgress(f, p);
  }
  return facts;
}

export type ProgressFacts = {
  competencies: CompetencyFacts;
  training: TrainingFact[];
  /** The dates the later Table 2 duties depend on (the cohort start is in the facts already). */
  dutyDates: { employmentStart: IsoDate; appraisalDate: IsoDate | null };
};

/** The enrolment's progress facts added to its expectation facts; its Table 2 duties read its attestations. */
export function withProgress(f: ExpectationFacts, p: ProgressFacts | undefined): ExpectationFacts {
  if (!p) return f;
  f.competencies = p.competencies;
  f.training = p.training;
  f.duties = {
    attested: f.attestations.map((a) => ({
      key: a.expectationKey,
      attestedOn: a.attestedOn,
      attestedBy: a.attestedBy,
    })),
    dates: { cohortStart: f.cohortStart, ...p.dutyDates },
  };
  return f;
}

/**
 * Where each CCC is with their competency framework (counts by state against the framework their cohort is pinned
 * to), their training plan (each item's month and completion) and the dates their later Table 2 duties depend on
 * (employment start, the appraisal date of the handover), in one statement. The framework's size is
 * counted once per cohort, in PostgreSQL, not once per CCC (MATERIALIZED: inlined, it was counted for each row),
 * and each CCC's progress and plan read through its enrolment index (LATERAL): grouped in one pass instead, the
 * planner scanned every progress row in the country for a cohort of 45 (the benchmark's: 35 ms against 2 ms).
 */
export async function progressFacts(
  db: DataSource | EntityManager,
  of: { enrolmentIds: readonly string[] } | { cohortIds: readonly string[] } | 'every cohort',
): Promise<Map<string, ProgressFacts>> {
  const [where, params] =
    of === 'every cohort'
      ? ['true', []]
      : 'enrolmentIds' in of
        ? ['id = ANY($1::uuid[])', [of.enrolmentIds]]
        : ['cohort_id = ANY($1::uuid[])', [of.cohortIds]];
  if (params.length && (params[0] as readonly string[]).length === 0) return new Map();
  const rows: {
    id: string;
    total: number;
    started: number;
    submitted: number;
    signed_off: number;
    training: [number, IsoDate | null][] | null;
    employment_start: IsoDate;
    appraisal_date: IsoDate | null;
  }[] = await db.query(
    `WITH e AS MATERIALIZED (SELECT id, cohort_id, employment_start FROM enrolment WHERE ${where}),
          totals AS MATERIALIZED (
            SELECT c.id AS cohort_id,
                   (SELECT count(*)::int FROM jsonb_array_elements(f.definition -> 'domains') d
                                  CROSS JOIN jsonb_array_elements(d -> 'competencies') x) AS total
              FROM cohort c JOIN competency_framework f ON f.id = c.competency_framework_id
             WHERE c.id IN (SELECT cohort_id FROM e))
     SELECT e.id, totals.total, p.started, p.submitted, p.signed_off, t.items AS training,
            to_char(e.employment_start, 'YYYY-MM-DD') AS employment_start,
            to_char(h.appraisal_date, 'YYYY-MM-DD') AS appraisal_date
       FROM e JOIN totals USING (cohort_id)
       CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE p.state <> 'not_started')::int AS started,
                   count(*) FILTER (WHERE p.state = 'evidence_submitted')::int AS submitted,
                   count(*) FILTER (WHERE p.state = 'signed_off')::int AS signed_off
              FROM competency_progress p WHERE p.enrolment_id = e.id) p
       LEFT JOIN LATERAL (
            SELECT json_agg(json_build_array(t.target_month, to_char(t.completed_on, 'YYYY-MM-DD'))) AS items
              FROM training_plan_item t WHERE t.enrolment_id = e.id) t ON true
       LEFT JOIN handover_interview h ON h.enrolment_id = e.id`,
    params,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        competencies: { total: r.total, started: r.started, submitted: r.submitted, signedOff: r.signed_off },
        training: (r.training ?? []).map(([targetMonth, completedOn]) => ({ targetMonth, completedOn })),
        dutyDates: { employmentStart: r.employment_start, appraisalDate: r.appraisal_date },
      },
    ]),
  );
}

/**
 * The dates one enrolment's later Table 2 duties depend on: its cohort's start and employment start (loaded with
 * the enrolment) and the appraisal date its handover records (one small query).
 */
export async function dutyDatesOf(
  db: DataSource | EntityManager,
  enrolment: { id: string; employmentStart: IsoDate; cohortStart: IsoDate },
): Promise<DutyDates> {
  const [handover] = (await db.query(
    `SELECT to_char(appraisal_date, 'YYYY-MM-DD') AS appraisal_date FROM handover_interview WHERE enrolment_id = $1`,
    [enrolment.id],
  )) as { appraisal_date: IsoDate | null }[];
  return {
    cohortStart: enrolment.cohortStart,
    employmentStart: enrolment.employmentStart,
    appraisalDate: handover?.appraisal_date ?? null,
  };
}
