import {
  type EnrolmentPause,
  type ExpectationFacts,
  type IsoDate,
  londonDate,
  type ReleaseEntry,
  type SessionFact,
  type Track,
} from '@ccc/programme';
import type { DataSource } from 'typeorm';

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
  const [attendance, release, attestations, surveys] = (await Promise.all([
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
  ])) as [
    AttendanceRow[],
    (ReleaseEntry & { enrolment_id: string; override_reason: string | null })[],
    { enrolment_id: string; expectation_key: string; attested_on: IsoDate }[],
    { enrolment_id: string; submitted_at: Date }[],
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
  return facts;
}
