// A national-scale data set beside the demo data, set-based: Alliances, their PCNs (spread unevenly, as real
// Alliances differ in size), a PCN supervisor per PCN, a handful of Alliance supervisors per Alliance, cohorts on
// each Alliance's copy of the default template started over the last year, and the CCCs enrolled in them with their
// sessions, history and release time (bench/lib/seed.mjs); then a year of audit entries, written through the
// hash-chain trigger as the app writes them.
import { randomUUID } from 'node:crypto';
import { addDays, benchCcc, insertPeople, monthName, seedEnrolments } from './seed.mjs';

/**
 * `alliances`, `pcns`, `cccs`: totals, the demo data's included. Returns what was made, with the people and
 * records the benchmark signs in as, and the cohort ids.
 */
export async function seedNational(
  db,
  programme,
  { alliances, pcns, cccs, supervisorsPerAlliance, cohortsPerAlliance },
) {
  const [demo] = await db.query(
    `SELECT c.alliance_id, t.key, t.version, t.name, t.definition
       FROM cohort c JOIN programme_template t ON t.id = c.template_id ORDER BY c.created_at LIMIT 1`,
  );
  const [existing] = await db.query(
    `SELECT count(*) FILTER (WHERE kind = 'alliance')::int AS alliances, count(*) FILTER (WHERE kind = 'pcn')::int AS pcns,
            (SELECT count(*) FROM role_assignment WHERE role = 'ccc')::int AS cccs
       FROM organisation`,
  );
  const newAlliances = alliances - existing.alliances;
  const newPcns = pcns - existing.pcns;
  const newCccs = cccs - existing.cccs;
  if (newAlliances < 1 || newPcns < newAlliances || newCccs < newPcns)
    throw new Error(
      `need more Alliances, PCNs and CCCs than the demo's ${JSON.stringify(existing)}, and fewer PCNs than CCCs`,
    );
  const today = programme.londonDate(new Date());
  const template = demo.definition;

  // Alliances of uneven size: weights 1 to 5, so the largest has about five times the PCNs of the smallest.
  const allianceRows = Array.from({ length: newAlliances }, (_, a) => ({
    id: randomUUID(),
    name: `Bench Cancer Alliance ${String(a + 1).padStart(2, '0')}`,
    weight: 1 + (a % 5),
    template_id: randomUUID(),
    supervisors: Array.from({ length: supervisorsPerAlliance }, (_, k) => ({
      id: randomUUID(),
      email: `bench.alliance.${a + 1}.${k + 1}@example.org`,
      full_name: `Bench Alliance Supervisor ${a + 1}-${k + 1}`,
    })),
  }));
  const totalWeight = allianceRows.reduce((n, a) => n + a.weight, 0);
  let placed = 0;
  const pcnRows = allianceRows.flatMap((alliance, a) => {
    // Each Alliance gets its share (at least one PCN); the last takes what rounding left.
    const share =
      a === allianceRows.length - 1
        ? newPcns - placed
        : Math.max(1, Math.round((newPcns * alliance.weight) / totalWeight));
    placed += share;
    return Array.from({ length: share }, () => ({ id: randomUUID(), alliance }));
  });
  pcnRows.forEach((pcn, j) => {
    pcn.name = `Bench PCN ${String(j + 1).padStart(4, '0')}`;
    pcn.supervisor = {
      id: randomUUID(),
      email: `bench.pcn.${j + 1}@example.org`,
      full_name: `Bench PCN Supervisor ${String(j + 1).padStart(4, '0')}`,
    };
  });
  // Cohorts started over the last year: an Alliance's k-th cohort 4k months ago, staggered by Alliance, so that at
  // any time some are in their first months, some half-way and some finished.
  const cohortsOf = new Map(
    allianceRows.map((alliance, a) => [
      alliance.id,
      Array.from({ length: cohortsPerAlliance }, (_, k) => {
        const startDate = addDays(programme.addCalendarMonths(today, -(4 * k + (a % 4))), -(1 + (a % 7)));
        return {
          id: randomUUID(),
          name: `${alliance.name} cohort, ${monthName(startDate)}`,
          alliance_id: alliance.id,
          template_id: alliance.template_id,
          start_date: startDate,
          supervisor_ids: alliance.supervisors.map((s) => s.id),
        };
      }),
    ]),
  );
  // CCCs over the PCNs in turn (two or three each); within an Alliance, over its cohorts and supervisors in turn.
  const turn = new Map();
  const cccRows = Array.from({ length: newCccs }, (_, i) => {
    const pcn = pcnRows[i % pcnRows.length];
    const k = turn.get(pcn.alliance.id) ?? 0;
    turn.set(pcn.alliance.id, k + 1);
    const cohorts = cohortsOf.get(pcn.alliance.id);
    return benchCcc(programme, i + 1, cohorts[k % cohorts.length], template, {
      pcnId: pcn.id,
      pcnSupervisorId: pcn.supervisor.id,
      allianceSupervisorId: pcn.alliance.supervisors[k % pcn.alliance.supervisors.length].id,
    });
  });
  const cohortRows = [...cohortsOf.values()].flat();

  const counts = await db.transaction(async (m) => {
    await m.query(
      `INSERT INTO organisation (id, kind, name, parent_id)
       SELECT o.id, o.kind, o.name, o.parent_id
         FROM jsonb_to_recordset($1::jsonb) AS o(id uuid, kind text, name text, parent_id uuid)`,
      [
        JSON.stringify([
          ...allianceRows.map((a) => ({ id: a.id, kind: 'alliance', name: a.name, parent_id: null })),
          ...pcnRows.map((p) => ({ id: p.id, kind: 'pcn', name: p.name, parent_id: p.alliance.id })),
        ]),
      ],
    );
    await m.query(
      `INSERT INTO programme_template (id, alliance_id, key, version, name, definition)
       SELECT t.id, t.alliance_id, $2, $3, $4, $5::jsonb FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, alliance_id uuid)`,
      [
        JSON.stringify(allianceRows.map((a) => ({ id: a.template_id, alliance_id: a.id }))),
        demo.key,
        demo.version,
        demo.name,
        JSON.stringify(template),
      ],
    );
    await insertPeople(m, [
      ...allianceRows.flatMap((a) =>
        a.supervisors.map((s) => ({ ...s, role: 'alliance_supervisor', organisation_id: a.id })),
      ),
      ...pcnRows.map((p) => ({ ...p.supervisor, role: 'pcn_supervisor', organisation_id: p.id })),
    ]);
    return seedEnrolments(m, programme, {
      templates: allianceRows.map((a) => ({ id: a.template_id, definition: template })),
      cohorts: cohortRows,
      cccs: cccRows,
      today,
    });
  });
  return {
    ...counts,
    alliances: existing.alliances + newAlliances,
    pcns: existing.pcns + newPcns,
    cccTotal: existing.cccs + newCccs,
    allianceSupervisors: newAlliances * supervisorsPerAlliance,
    cohortRows,
    cccRows,
    today,
  };
}

/** Whether this schema has the competency record (another feature's tables, built alongside). */
export async function hasCompetencies(db) {
  const [{ present }] = await db.query(
    `SELECT to_regclass('competency_progress') IS NOT NULL AND to_regclass('competency_review') IS NOT NULL
        AND to_regclass('competency_evidence') IS NOT NULL AS present`,
  );
  return present;
}

/**
 * Each CCC's competency record, as far into the programme as their cohort is (a CCC in month 3 has moved about
 * half of their framework's competencies): of those, the first half signed off by their Alliance supervisor (a
 * reflection as evidence, a review with a rating), the next quarter with evidence waiting for review, the rest
 * being worked towards. Which competencies come first varies by CCC. Versions as the app's steps leave them:
 * started 1, evidence submitted 2, signed off 3 (the review records the version 2 it decided on).
 */
export async function seedCompetencies(db, cohortIds, today) {
  return db.transaction(async (m) => {
    await m.query(
      `WITH codes AS (
         SELECT f.id AS framework_id, c.code #>> '{}' AS code, c.ord,
                count(*) OVER (PARTITION BY f.id) AS n
           FROM competency_framework f,
                jsonb_path_query(f.definition, '$.domains[*].competencies[*].code') WITH ORDINALITY AS c(code, ord)
       ), placed AS (
         SELECT e.id AS enrolment_id, codes.code, c.start_date,
                -- This CCC's order of the competencies, and how far through the programme the cohort is.
                ((codes.ord + abs(hashtext(e.id::text))) % codes.n)::float / codes.n AS r,
                least(1.0, greatest(0.0, ($2::date - c.start_date) / 183.0)) AS f
           FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN codes ON codes.framework_id = c.competency_framework_id
          WHERE e.cohort_id = ANY($1::uuid[])
       )
       INSERT INTO competency_progress (enrolment_id, competency_code, state, state_changed_at, version)
       SELECT enrolment_id, code,
              CASE WHEN r < f * 0.5 THEN 'signed_off' WHEN r < f * 0.75 THEN 'evidence_submitted' ELSE 'working_towards' END,
              least(now() - interval '1 hour', (start_date + (r * 183)::int + time '11:00') AT TIME ZONE 'Europe/London'),
              CASE WHEN r < f * 0.5 THEN 3 WHEN r < f * 0.75 THEN 2 ELSE 1 END
         FROM placed WHERE r < f`,
      [cohortIds, today],
    );
    const SEEDED = `competency_progress p JOIN enrolment e ON e.id = p.enrolment_id WHERE e.cohort_id = ANY($1::uuid[])`;
    await m.query(
      `INSERT INTO competency_evidence (progress_id, kind, text, submitted_by_id, created_at)
       SELECT p.id, 'reflection',
              'A reflection on an anonymised case: what I did, what I learnt and what I will do differently.',
              e.ccc_id, p.state_changed_at - CASE WHEN p.state = 'signed_off' THEN interval '5 days' ELSE interval '0' END
         FROM ${SEEDED} AND p.state IN ('evidence_submitted', 'signed_off')`,
      [cohortIds],
    );
    await m.query(
      `INSERT INTO competency_review (progress_id, progress_version, outcome, rating, comment, reviewer_id, created_at)
       SELECT p.id, 2, 'signed_off', 2 + abs(hashtext(p.id::text)) % 2,
              'Evidence seen and discussed in supervision: meets the standard.', e.alliance_supervisor_id, p.state_changed_at
         FROM ${SEEDED} AND p.state = 'signed_off'`,
      [cohortIds],
    );
    const [counts] = await m.query(
      `SELECT count(*)::int AS progress, count(*) FILTER (WHERE p.state = 'signed_off')::int AS "signedOff",
              count(*) FILTER (WHERE p.state = 'evidence_submitted')::int AS waiting
         FROM ${SEEDED}`,
      [cohortIds],
    );
    return counts;
  });
}

/**
 * A year of the audit trail the seeded history implies, oldest first, inserted through the hash-chain trigger
 * (one row at a time under its lock, as the app writes them): each booking, the PCN supervisor's acceptance of a
 * joint slot, each record of a held session, study time logged, each release decision and, with `competencies`,
 * each step of the competency record. Returns the number
 * of entries and the time taken.
 */
export async function seedAuditHistory(db, cohortIds, { competencies = false } = {}) {
  const started = performance.now();
  // The competency record's steps, when there is one: started, evidence submitted, signed off.
  const competencyEntries = competencies
    ? `UNION ALL
         SELECT p.state_changed_at - interval '30 days', e.ccc_id, 'competency.started', 'competency_progress', p.id::text,
                jsonb_build_object('enrolmentId', e.id, 'code', p.competency_code, 'from', 'not_started', 'to', 'working_towards')
           FROM competency_progress p JOIN enrolment e ON e.id = p.enrolment_id WHERE e.cohort_id = ANY($1::uuid[])
         UNION ALL
         SELECT v.created_at, v.submitted_by_id, 'competency.evidence-submitted', 'competency_progress', p.id::text,
                jsonb_build_object('enrolmentId', e.id, 'code', p.competency_code, 'evidenceId', v.id, 'kind', v.kind,
                                   'from', 'working_towards', 'to', 'evidence_submitted')
           FROM competency_evidence v JOIN competency_progress p ON p.id = v.progress_id JOIN enrolment e ON e.id = p.enrolment_id
          WHERE e.cohort_id = ANY($1::uuid[])
         UNION ALL
         SELECT r.created_at, r.reviewer_id, 'competency.signed-off', 'competency_progress', p.id::text,
                jsonb_build_object('enrolmentId', e.id, 'code', p.competency_code, 'reviewId', r.id,
                                   'from', 'evidence_submitted', 'to', 'signed_off', 'rating', r.rating, 'comment', r.comment)
           FROM competency_review r JOIN competency_progress p ON p.id = r.progress_id JOIN enrolment e ON e.id = p.enrolment_id
          WHERE e.cohort_id = ANY($1::uuid[])`
    : '';
  const snapshot = (status) => `jsonb_build_object('status', ${status}, 'startsAt', s.starts_at,
      'durationMinutes', s.duration_minutes, 'mode', s.mode, 'meetingLink', s.meeting_link, 'place', s.place,
      'proposedStartsAt', s.proposed_starts_at)`;
  const [{ n }] = await db.transaction(async (m) => {
    const [inserted] = await m.query(
      `WITH entries AS (
         SELECT least(s.starts_at - interval '12 days', now() - interval '1 hour') AS at, s.lead_id AS actor_id,
                'session.book' AS action, 'session' AS entity_type, s.id::text AS entity_id,
                jsonb_build_object('from', 'planned', 'to', CASE WHEN s.status = 'awaiting_pcn' THEN 'awaiting_pcn' ELSE 'scheduled' END,
                                   'reason', NULL, 'before', ${snapshot("'planned'")}, 'after', ${snapshot("'scheduled'")}) AS detail
           FROM session s WHERE s.cohort_id = ANY($1::uuid[]) AND s.starts_at IS NOT NULL AND s.status <> 'planned'
         UNION ALL
         SELECT s.starts_at - interval '9 days', e.pcn_supervisor_id, 'session.accept_slot', 'session', s.id::text,
                jsonb_build_object('from', 'awaiting_pcn', 'to', 'scheduled', 'reason', NULL)
           FROM session s JOIN enrolment e ON e.id = s.enrolment_id
          WHERE s.cohort_id = ANY($1::uuid[]) AND s.status = 'completed' AND s.participants ? 'pcn_supervisor'
         UNION ALL
         SELECT s.starts_at + interval '1 day', s.lead_id, 'session.record', 'session', s.id::text,
                jsonb_build_object('from', 'scheduled', 'to', 'completed', 'reason', NULL)
           FROM session s WHERE s.cohort_id = ANY($1::uuid[]) AND s.status = 'completed'
         UNION ALL
         SELECT (r.date + time '17:00') AT TIME ZONE 'Europe/London', e.ccc_id, 'release.logged', 'release_request',
                r.id::text, jsonb_build_object('kind', r.kind, 'date', r.date, 'minutes', r.minutes)
           FROM release_request r JOIN enrolment e ON e.id = r.enrolment_id
          WHERE e.cohort_id = ANY($1::uuid[]) AND r.kind = 'study'
         UNION ALL
         SELECT r.decided_at, r.decided_by_id, 'release.' || r.status, 'release_request', r.id::text,
                jsonb_build_object('from', 'pending', 'to', r.status, 'viaLink', r.via_link, 'minutes', r.minutes,
                                   'date', r.date, 'reason', r.decision_reason, 'sessionId', r.session_id)
           FROM release_request r JOIN enrolment e ON e.id = r.enrolment_id
          WHERE e.cohort_id = ANY($1::uuid[]) AND r.status IN ('confirmed', 'declined')
         ${competencyEntries}
       ), written AS (
         INSERT INTO audit_entry (at, actor_id, action, entity_type, entity_id, detail)
         SELECT at, actor_id, action, entity_type, entity_id, detail FROM entries ORDER BY at
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM written`,
      [cohortIds],
    );
    return [inserted];
  });
  return { entries: n, seconds: (performance.now() - started) / 1000 };
}
