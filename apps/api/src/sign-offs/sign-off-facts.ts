import type { IsoDate, ProgrammeTemplate, SignOffFacts, SignOffPerson } from '@ccc/programme';
import type { DataSource, EntityManager } from 'typeorm';
import { lookup } from '../common/lookup';
import { oneRow } from '../common/one-row';

/** What the loader needs of each enrolment: its id, status, and the cohort's start and template. */
export interface SignOffEnrolment {
  id: string;
  status: SignOffFacts['status'];
  cohortStart: IsoDate;
  template: Pick<ProgrammeTemplate, 'durationMonths' | 'expectations' | 'duties'>;
}

type Row = Record<string, unknown>;

/** An instant from the JSON the statement answers (an ISO string), or null. */
const instant = (value: unknown): Date | null =>
  value === null || value === undefined ? null : new Date(value as string);

/** An instant of a NOT NULL column (when a record was made or last changed). */
function instantOf(value: unknown): Date {
  const at = instant(value);
  if (at === null) throw new Error('An instant the statement always answers with is missing');
  return at;
}

const person = (id: unknown, name: unknown): SignOffPerson | null =>
  typeof id === 'string' ? { id, fullName: typeof name === 'string' ? name : '' } : null;

/**
 * The records behind every kind of sign-off, each a SELECT over the enrolments in $1. They run as one statement (see
 * loadSignOffFacts), so a timeline or a caseload's page costs one round trip and one pooled connection for all.
 * Each is driven by its enrolment index, and its people and titles looked up row by row (LATERAL): joined plainly,
 * the planner hashed every review, person and release row in the country and started parallel workers for a
 * caseload's few hundred rows (the benchmark's 28 CCCs: 80–100 ms a statement before, 12–30 ms after).
 */
const FACT_QUERIES = {
  // Reviews (sign-offs, returns, withdrawals) and the evidence awaiting review, in one pass over the progress rows.
  competencies: `SELECT p.enrolment_id, p.competency_code AS code, r.id, r.outcome, r.rating, r.comment, r.created_at AS at,
              pe.id AS by_id, pe.full_name AS by_name, p.state, p.state_changed_at
         FROM competency_progress p
         LEFT JOIN LATERAL (SELECT * FROM competency_review r WHERE r.progress_id = p.id) r ON true
         LEFT JOIN LATERAL (SELECT pe.id, pe.full_name FROM person pe WHERE pe.id = r.reviewer_id) pe ON true
        WHERE p.enrolment_id = ANY($1::uuid[]) AND (r.id IS NOT NULL OR p.state = 'evidence_submitted')`,
  tnas: `SELECT t.enrolment_id, t.round, t.ccc_signed_at, c.id AS ccc_id, c.full_name AS ccc_name,
              t.supervisor_signed_at, s.id AS sup_id, s.full_name AS sup_name
         FROM tna t
         LEFT JOIN person c ON c.id = t.ccc_signed_by_id
         LEFT JOIN person s ON s.id = t.supervisor_signed_by_id
        WHERE t.enrolment_id = ANY($1::uuid[])`,
  // Marked done by the CCC (the CCC's word) or by recorded attendance; the row's last change is when.
  training: `SELECT i.id, i.enrolment_id, i.title, i.completed_on, i.completed_via, i.updated_at AS at,
              CASE WHEN i.completed_via = 'ccc' THEN p.id END AS by_id, p.full_name AS by_name
         FROM training_plan_item i
         JOIN enrolment e ON e.id = i.enrolment_id
         LEFT JOIN person p ON p.id = e.ccc_id
        WHERE i.enrolment_id = ANY($1::uuid[]) AND i.completed_on IS NOT NULL`,
  attestations: `SELECT a.id, a.enrolment_id, a.expectation_key, a.party, a.attested_on, a.note, a.created_at AS at,
              p.id AS by_id, p.full_name AS by_name
         FROM attestation a LEFT JOIN person p ON p.id = a.attested_by_id
        WHERE a.enrolment_id = ANY($1::uuid[])`,
  handovers: `SELECT h.id, h.enrolment_id,
              h.ccc_signed_at, c.id AS ccc_id, c.full_name AS ccc_name,
              h.pcn_signed_at, n.id AS pcn_id, n.full_name AS pcn_name,
              h.alliance_signed_at, a.id AS alliance_id, a.full_name AS alliance_name
         FROM handover_interview h
         LEFT JOIN person c ON c.id = h.ccc_signed_by_id
         LEFT JOIN person n ON n.id = h.pcn_signed_by_id
         LEFT JOIN person a ON a.id = h.alliance_signed_by_id
        WHERE h.enrolment_id = ANY($1::uuid[])`,
  amendments: `SELECT m.id, m.enrolment_id, m.record, m.reason, m.created_at AS at, p.id AS by_id, p.full_name AS by_name
         FROM enrolment_amendment m LEFT JOIN person p ON p.id = m.amended_by_id
        WHERE m.enrolment_id = ANY($1::uuid[])`,
  // The sessions' marks (from the audit trail, as the timeline always read them), the release decisions and what
  // the PCN has still to answer, told apart by `source`. The CCCs' sessions are read once, through the attendance's
  // enrolment index, for both the marks and the slots.
  sessions: `WITH sa AS MATERIALIZED (
              SELECT sa.enrolment_id, s.id AS session_id, s.title, s.status, s.updated_at
                FROM session_attendance sa JOIN session s ON s.id = sa.session_id
               WHERE sa.enrolment_id = ANY($1::uuid[]))
       SELECT 'mark' AS source, sa.enrolment_id, sa.session_id, sa.title,
              CASE a.action WHEN 'session.record' THEN 'recorded' ELSE 'slot_accepted' END AS mark,
              p.id AS by_id, p.full_name AS by_name, a.at, COALESCE((a.detail->>'viaLink')::boolean, false) AS via_link,
              NULL::uuid AS id, NULL::text AS description, NULL::text AS status, NULL::date AS date,
              NULL::int AS minutes, NULL::text AS reason
         FROM sa
         JOIN audit_entry a ON a.entity_type = 'session' AND a.entity_id = sa.session_id::text
              AND a.action IN ('session.accept_slot', 'session.accept_proposal', 'session.record')
         LEFT JOIN LATERAL (SELECT p.id, p.full_name FROM person p WHERE p.id = a.actor_id) p ON true
       UNION ALL
       SELECT 'slot', sa.enrolment_id, sa.session_id, sa.title, NULL, NULL, NULL, sa.updated_at, false,
              NULL, NULL, NULL, NULL, NULL, NULL
         FROM sa WHERE sa.status = 'awaiting_pcn'
       UNION ALL
       SELECT 'release', r.enrolment_id, r.session_id, s.title, NULL, p.id, p.full_name,
              COALESCE(r.decided_at, r.created_at), r.via_link,
              r.id, r.description, r.status, r.date, r.minutes, r.decision_reason
         FROM release_request r
         LEFT JOIN LATERAL (SELECT s.title FROM session s WHERE s.id = r.session_id) s ON true
         LEFT JOIN LATERAL (SELECT p.id, p.full_name FROM person p WHERE p.id = r.decided_by_id) p ON true
        WHERE r.enrolment_id = ANY($1::uuid[]) AND r.status IN ('pending', 'confirmed', 'declined')`,
} as const;

/**
 * The records behind every sign-off of these enrolments, read in one statement whatever their number (a SELECT per
 * kind of record, each over all the enrolments at once), for the pure rules in libs/programme/sign-offs.ts.
 */
export async function loadSignOffFacts(
  db: DataSource | EntityManager,
  enrolments: readonly SignOffEnrolment[],
): Promise<Map<string, SignOffFacts>> {
  const facts = new Map<string, SignOffFacts>(
    enrolments.map((e) => [
      e.id,
      {
        enrolmentId: e.id,
        cohortStart: e.cohortStart,
        durationMonths: e.template.durationMonths,
        status: e.status,
        reviews: [],
        submitted: [],
        tnas: [],
        training: [],
        attestations: [],
        handover: null,
        amendments: [],
        sessionMarks: [],
        releases: [],
        slotsAwaitingPcn: [],
        releasesPending: [],
      },
    ]),
  );
  if (enrolments.length === 0) return facts;
  const ids = enrolments.map((e) => e.id);
  const of = (row: Row) => lookup(facts, row.enrolment_id as string);

  // One statement: each kind's rows as a JSON array (instants come back as ISO strings, dates as YYYY-MM-DD).
  const result = oneRow(
    (await db.query(
      `SELECT ${Object.entries(FACT_QUERIES)
        .map(([name, sql]) => `(SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q) AS ${name}`)
        .join(',\n')}`,
      [ids],
    )) as Record<keyof typeof FACT_QUERIES, Row[]>[],
  );
  const { competencies, tnas, training, attestations, handovers, amendments, sessions } = result;

  const titles = new Map(
    // Expectations and Table 2 duties share the attestation store, keyed apart by the template.
    enrolments.map(
      (e) =>
        [
          e.id,
          new Map([...e.template.expectations, ...(e.template.duties ?? [])].map((x) => [x.key, x.title])),
        ] as const,
    ),
  );

  for (const row of competencies) {
    if (row.id) {
      of(row).reviews.push({
        id: row.id as string,
        code: row.code as string,
        outcome: row.outcome as 'signed_off' | 'returned' | 'withdrawn',
        rating: (row.rating as number | null) ?? null,
        comment: row.comment as string,
        by: person(row.by_id, row.by_name),
        at: instantOf(row.at),
      });
    }
  }
  // One row per review: the submission is added once per competency awaiting review.
  const submitted = new Set<string>();
  for (const row of competencies) {
    const key = `${row.enrolment_id}/${row.code}`;
    if (row.state !== 'evidence_submitted' || submitted.has(key)) continue;
    submitted.add(key);
    of(row).submitted.push({ code: row.code as string, since: instantOf(row.state_changed_at) });
  }
  for (const row of tnas) {
    of(row).tnas.push({
      round: row.round as number,
      cccSignedAt: instant(row.ccc_signed_at),
      cccSignedBy: person(row.ccc_id, row.ccc_name),
      supervisorSignedAt: instant(row.supervisor_signed_at),
      supervisorSignedBy: person(row.sup_id, row.sup_name),
    });
  }
  for (const row of training) {
    of(row).training.push({
      id: row.id as string,
      title: row.title as string,
      completedOn: row.completed_on as string,
      completedVia: row.completed_via as 'ccc' | 'attendance',
      at: instantOf(row.at),
      by: person(row.by_id, row.by_name),
    });
  }
  for (const row of attestations) {
    const key = row.expectation_key as string;
    of(row).attestations.push({
      id: row.id as string,
      expectationKey: key,
      title: titles.get(row.enrolment_id as string)?.get(key) ?? key,
      party: row.party as 'ccc' | 'pcn' | 'alliance',
      attestedOn: row.attested_on as string,
      note: (row.note as string | null) ?? null,
      by: person(row.by_id, row.by_name),
      at: instantOf(row.at),
    });
  }
  for (const row of handovers) {
    of(row).handover = {
      id: row.id as string,
      signatures: [
        { party: 'ccc', at: instant(row.ccc_signed_at), by: person(row.ccc_id, row.ccc_name) },
        {
          party: 'pcn_supervisor',
          at: instant(row.pcn_signed_at),
          by: person(row.pcn_id, row.pcn_name),
        },
        {
          party: 'alliance_supervisor',
          at: instant(row.alliance_signed_at),
          by: person(row.alliance_id, row.alliance_name),
        },
      ],
    };
  }
  for (const row of amendments) {
    of(row).amendments.push({
      id: row.id as string,
      record: row.record as string,
      reason: row.reason as string,
      by: person(row.by_id, row.by_name),
      at: instantOf(row.at),
    });
  }
  for (const row of sessions) {
    const f = of(row);
    if (row.source === 'mark') {
      f.sessionMarks.push({
        sessionId: row.session_id as string,
        title: row.title as string,
        mark: row.mark as 'slot_accepted' | 'recorded',
        by: person(row.by_id, row.by_name),
        at: instantOf(row.at),
        viaLink: row.via_link as boolean,
      });
    } else if (row.source === 'slot') {
      f.slotsAwaitingPcn.push({
        sessionId: row.session_id as string,
        title: row.title as string,
        since: instantOf(row.at),
      });
    } else if (row.status === 'pending') {
      f.releasesPending.push({
        id: row.id as string,
        sessionId: (row.session_id as string | null) ?? null,
        description: row.description as string,
        since: instantOf(row.at),
      });
    } else {
      f.releases.push({
        id: row.id as string,
        sessionId: (row.session_id as string | null) ?? null,
        description: row.description as string,
        decision: row.status as 'confirmed' | 'declined',
        date: row.date as string,
        minutes: row.minutes as number,
        reason: (row.reason as string | null) ?? null,
        by: person(row.by_id, row.by_name),
        at: instantOf(row.at),
        viaLink: row.via_link as boolean,
      });
    }
  }
  return facts;
}
