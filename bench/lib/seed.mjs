// Enrolments at scale: what `EnrolmentCommands.enrolInCohort` and `SessionsService.createPlannedSessions` would
// make for each CCC, with their history (sessions held, booked, waiting; release time), written with a handful of
// set-based statements. The plan comes from the app's own `plannedSessions` on each cohort's template, and
// `checkSeedMatchesApp` proves, by asking the app to enrol one more CCC per track, that the rows are the same.
import { randomUUID } from 'node:crypto';

export const addDays = (iso, days) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const monthName = (iso) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The n-th bench CCC (1-based), enrolled in `cohort`: nine in ten on the supervision track (employed 0–3 months
 * before the start), one in ten on training; eligible by the programme's own rule.
 */
export function benchCcc(programme, n, cohort, template, { pcnId, pcnSupervisorId, allianceSupervisorId }) {
  const track = (n - 1) % 10 === 9 ? 'training' : 'supervision';
  const employmentStart = programme.addCalendarMonths(cohort.start_date, track === 'training' ? -30 : -(n % 4));
  const eligibility = programme.checkEligibility({ track, employmentStart, cohortStart: cohort.start_date, template });
  if (!eligibility.eligible) throw new Error(`bench CCC ${n}: ${eligibility.reason}`);
  return {
    person_id: randomUUID(),
    enrolment_id: randomUUID(),
    email: `bench.ccc.${n}@example.org`,
    full_name: `Bench CCC ${String(n).padStart(4, '0')}`,
    cohort_id: cohort.id,
    pcn_id: pcnId,
    pcn_supervisor_id: pcnSupervisorId,
    alliance_supervisor_id: allianceSupervisorId,
    track,
    employment_start: employmentStart,
  };
}

/**
 * People with one role each, all signing in with the demo password:
 * `people` is [{ id, email, full_name, role, organisation_id }].
 */
export async function insertPeople(m, people) {
  const PEOPLE = `jsonb_to_recordset($1::jsonb) AS r(id uuid, email text, full_name text, role text, organisation_id uuid)`;
  const json = JSON.stringify(people);
  await m.query(
    `INSERT INTO person (id, email, full_name, password_hash)
     SELECT r.id, r.email, r.full_name, (SELECT password_hash FROM person WHERE email = 'admin@example.org')
       FROM ${PEOPLE}`,
    [json],
  );
  await m.query(
    `INSERT INTO role_assignment (person_id, role, organisation_id) SELECT r.id, r.role, r.organisation_id FROM ${PEOPLE}`,
    [json],
  );
}

/**
 * Cohorts and their CCCs' enrolments, sessions, attendance, history and release time, in the caller's transaction
 * `m`. `templates`: [{ id, definition }]; `cohorts`: [{ id, name, alliance_id, template_id, start_date,
 * supervisor_ids }]; `cccs`: rows of `benchCcc`. Returns the counts written.
 */
export async function seedEnrolments(m, programme, { templates, cohorts, cccs, today }) {
  const { monthBounds, plannedSessions } = programme;
  const definitionOf = new Map(templates.map((t) => [t.id, t.definition]));
  const plan = templates.flatMap(({ id, definition }) =>
    ['supervision', 'training'].flatMap((track) =>
      plannedSessions(definition, track).map((p) => ({
        template_id: id,
        track,
        plan_item_key: p.planItemKey,
        month: p.month,
        kind: p.kind,
        title: p.title,
        purpose: p.purpose,
        participants: p.participants,
        min_minutes: p.durationMinutes.min,
        max_minutes: p.durationMinutes.max,
        mode: p.mode,
        shared_by_cohort: p.sharedByCohort,
      })),
    ),
  );
  const sessionsPerTrack = Object.fromEntries(
    templates.map(({ id }) => [
      id,
      Object.fromEntries(
        ['supervision', 'training'].map((t) => [t, plan.filter((p) => p.template_id === id && p.track === t).length]),
      ),
    ]),
  );
  const bounds = cohorts.flatMap((c) =>
    Array.from({ length: definitionOf.get(c.template_id).durationMonths }, (_, i) => {
      const b = monthBounds(c.start_date, i + 1);
      return { cohort_id: c.id, month: b.month, starts_on: b.startsOn, ends_before: b.endsBefore };
    }),
  );
  const cohortIds = cohorts.map((c) => c.id);
  const PLAN = `jsonb_to_recordset($1::jsonb) AS p(template_id uuid, track text, plan_item_key text, month int,
      kind text, title text, purpose text, participants jsonb, min_minutes int, max_minutes int, mode text,
      shared_by_cohort boolean)`;
  const SESSION_COLUMNS = `cohort_id, enrolment_id, plan_item_key, month, kind, title, purpose, participants,
      min_minutes, max_minutes, mode, shared_by_cohort`;
  const P_COLUMNS = `p.plan_item_key, p.month, p.kind, p.title, p.purpose, p.participants, p.min_minutes,
      p.max_minutes, p.mode, p.shared_by_cohort`;
  // An enrolment's plan: its cohort's template, its track.
  const PLAN_OF_ENROLMENT = `enrolment e JOIN cohort c ON c.id = e.cohort_id
      JOIN ${PLAN} ON p.template_id = c.template_id AND p.track = e.track`;
  // Day of the month each kind is held on, as in the demo history.
  const OFFSETS = { individual: 2, joint: 5, tna: 7, group: 10, teaching: 14, handover: 20, conference: 21 };

  await m.query(
    `INSERT INTO cohort (id, name, alliance_id, template_id, start_date)
     SELECT c.id, c.name, c.alliance_id, c.template_id, c.start_date
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, name text, alliance_id uuid, template_id uuid, start_date date)`,
    [JSON.stringify(cohorts)],
  );
  await m.query(
    `INSERT INTO cohort_supervisor (cohort_id, person_id)
     SELECT c.id, unnest(c.supervisor_ids) FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, supervisor_ids uuid[])`,
    [JSON.stringify(cohorts.map((c) => ({ id: c.id, supervisor_ids: `{${c.supervisor_ids.join(',')}}` })))],
  );
  await insertPeople(
    m,
    cccs.map((r) => ({
      id: r.person_id,
      email: r.email,
      full_name: r.full_name,
      role: 'ccc',
      organisation_id: r.pcn_id,
    })),
  );
  await m.query(
    `INSERT INTO enrolment (id, cohort_id, ccc_id, pcn_id, pcn_supervisor_id, alliance_supervisor_id, track, employment_start)
     SELECT r.enrolment_id, r.cohort_id, r.person_id, r.pcn_id, r.pcn_supervisor_id, r.alliance_supervisor_id, r.track,
            r.employment_start
       FROM jsonb_to_recordset($1::jsonb) AS r(person_id uuid, enrolment_id uuid, cohort_id uuid, pcn_id uuid,
            pcn_supervisor_id uuid, alliance_supervisor_id uuid, track text, employment_start date)`,
    [JSON.stringify(cccs)],
  );
  const planJson = JSON.stringify(plan);
  // Each enrolment's own sessions (individual, joint, TNA, handover)...
  await m.query(
    `INSERT INTO session (${SESSION_COLUMNS})
     SELECT e.cohort_id, e.id, ${P_COLUMNS} FROM ${PLAN_OF_ENROLMENT} AND NOT p.shared_by_cohort
      WHERE e.cohort_id = ANY($2::uuid[])`,
    [planJson, cohortIds],
  );
  // ...the cohort's shared ones (group supervision, teaching, conference), once for whichever tracks need them...
  await m.query(
    `INSERT INTO session (${SESSION_COLUMNS})
     SELECT DISTINCT ON (e.cohort_id, p.plan_item_key) e.cohort_id, NULL::uuid, ${P_COLUMNS}
       FROM ${PLAN_OF_ENROLMENT} AND p.shared_by_cohort
      WHERE e.cohort_id = ANY($2::uuid[])
      ORDER BY e.cohort_id, p.plan_item_key`,
    [planJson, cohortIds],
  );
  // ...and one attendance row per CCC per session: their own, and their track's shared ones.
  await m.query(
    `INSERT INTO session_attendance (session_id, enrolment_id)
     SELECT s.id, s.enrolment_id FROM session s WHERE s.cohort_id = ANY($1::uuid[]) AND s.enrolment_id IS NOT NULL`,
    [cohortIds],
  );
  await m.query(
    `INSERT INTO session_attendance (session_id, enrolment_id)
     SELECT s.id, e.id
       FROM ${PLAN_OF_ENROLMENT} AND p.shared_by_cohort
       JOIN session s ON s.cohort_id = e.cohort_id AND s.enrolment_id IS NULL AND s.plan_item_key = p.plan_item_key
      WHERE e.cohort_id = ANY($2::uuid[])`,
    [planJson, cohortIds],
  );
  await m.query(
    `INSERT INTO audit_entry (actor_id, action, entity_type, entity_id, detail)
     SELECT NULL, 'enrolment.created', 'enrolment', e.id::text,
            jsonb_build_object('cohortId', e.cohort_id, 'cccId', e.ccc_id, 'track', e.track,
                               'sessions', ($2::jsonb -> c.template_id::text ->> e.track)::int)
       FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE e.cohort_id = ANY($1::uuid[])`,
    [cohortIds, JSON.stringify(sessionsPerTrack)],
  );

  // History, as the demo records it: past months held (about one individual session in twelve never booked, so
  // missed, and one in twelve booked but not recorded, so overdue); this month's individual sessions booked a
  // week ahead for two CCCs in three, its joint sessions waiting for the PCN supervisor for one in four, and its
  // group sessions booked for half the cohorts. The CCC's own Alliance supervisor leads their sessions; the
  // cohort's first supervisor the shared ones.
  const B = `jsonb_to_recordset($1::jsonb) AS b(cohort_id uuid, month int, starts_on date, ends_before date)`;
  const at = (day, hour) => `((${day}) + time '${hour}:00') AT TIME ZONE 'Europe/London'`;
  const offset = `($3::jsonb ->> s.kind)::int`;
  const lead = `COALESCE((SELECT e.alliance_supervisor_id FROM enrolment e WHERE e.id = s.enrolment_id),
      (SELECT cs.person_id FROM cohort_supervisor cs WHERE cs.cohort_id = s.cohort_id ORDER BY cs.person_id LIMIT 1))`;
  const args = [JSON.stringify(bounds), today, JSON.stringify(OFFSETS)];
  await m.query(
    `UPDATE session s
        SET status = CASE WHEN s.kind = 'individual' AND abs(hashtext(s.id::text)) % 12 = 1 THEN 'scheduled' ELSE 'completed' END,
            starts_at = ${at(`b.starts_on + ${offset}`, 10)},
            duration_minutes = s.max_minutes, lead_id = ${lead}, meeting_link = 'https://meet.example.org/ccc-programme-bench'
       FROM ${B}
      WHERE s.cohort_id = b.cohort_id AND s.month = b.month AND b.ends_before <= $2::date
        AND NOT (s.kind = 'individual' AND abs(hashtext(s.id::text)) % 12 = 0)`,
    args,
  );
  await m.query(
    `UPDATE session s
        SET status = CASE WHEN s.kind = 'joint' THEN 'awaiting_pcn' ELSE 'scheduled' END,
            starts_at = ${at(`LEAST($2::date + CASE WHEN s.enrolment_id IS NULL THEN 3 ELSE 7 END, b.ends_before - 1)`, 10)},
            duration_minutes = s.min_minutes, lead_id = ${lead}, meeting_link = 'https://meet.example.org/ccc-programme-bench'
       FROM ${B}
      WHERE s.cohort_id = b.cohort_id AND s.month = b.month AND b.starts_on <= $2::date AND $2::date < b.ends_before
        AND ${offset} IS NOT NULL
        AND ((s.kind = 'individual' AND abs(hashtext(s.id::text)) % 3 <> 0)
          OR (s.kind = 'joint' AND abs(hashtext(s.id::text)) % 4 = 0)
          OR (s.kind IN ('group', 'teaching') AND abs(hashtext(s.cohort_id::text)) % 2 = 0))`,
    args,
  );
  await m.query(
    `UPDATE session_attendance a SET attendance = 'present'
       FROM session s WHERE s.id = a.session_id AND s.status = 'completed' AND s.cohort_id = ANY($1::uuid[])`,
    [cohortIds],
  );
  // The PCN supervisor joined the joint sessions that were held (as in the demo).
  await m.query(
    `UPDATE session SET staff_attendance = '{"pcn_supervisor": "present", "alliance_supervisor": "present"}'::jsonb
      WHERE cohort_id = ANY($1::uuid[]) AND status = 'completed' AND participants ? 'pcn_supervisor'`,
    [cohortIds],
  );
  // Release time, as the app's syncReleaseForSession and the demo make it: a request per booked session and CCC
  // (held ones confirmed by the PCN supervisor, one in ten of the others declined), and weekly study time over
  // the last eight weeks of the programme (this week's pending). Skipped on a schema without release requests.
  const [{ release }] = await m.query(`SELECT to_regclass('release_request') IS NOT NULL AS release`);
  if (release) {
    const declined = `s.status <> 'completed' AND abs(hashtext(a.id::text)) % 10 = 0`;
    await m.query(
      `INSERT INTO release_request (enrolment_id, kind, session_id, date, minutes, description, status,
                                   decided_by_id, decided_at, decision_reason)
       SELECT a.enrolment_id, CASE WHEN s.kind IN ('teaching', 'conference') THEN 'training' ELSE 'session' END,
              s.id, (s.starts_at AT TIME ZONE 'Europe/London')::date, s.duration_minutes, s.title,
              CASE WHEN s.status = 'completed' THEN 'confirmed' WHEN ${declined} THEN 'declined' ELSE 'pending' END,
              CASE WHEN s.status = 'completed' OR ${declined} THEN e.pcn_supervisor_id END,
              CASE WHEN s.status = 'completed' THEN s.starts_at - interval '3 days'
                   WHEN ${declined} THEN least(now(), s.starts_at - interval '3 days') END,
              CASE WHEN ${declined} THEN 'Clinic cover needed that day' END
         FROM session_attendance a JOIN session s ON s.id = a.session_id JOIN enrolment e ON e.id = a.enrolment_id
        WHERE s.cohort_id = ANY($1::uuid[]) AND s.status NOT IN ('planned', 'cancelled') AND s.starts_at IS NOT NULL`,
      [cohortIds],
    );
    const ends = cohorts.map((c) => ({
      cohort_id: c.id,
      ends_before: monthBounds(c.start_date, definitionOf.get(c.template_id).durationMonths).endsBefore,
    }));
    await m.query(
      `INSERT INTO release_request (enrolment_id, kind, date, minutes, description, status, decided_by_id, decided_at)
       SELECT e.id, 'study', $2::date - 7 * w,
              CASE WHEN w = 3 AND e.track = 'supervision' THEN 45 ELSE 60 + 15 * (w % 3) END,
              (ARRAY['e-LfH ACCEND module', 'Macmillan Explore', 'Personalised Care Institute course'])[w % 3 + 1],
              CASE WHEN w = 0 THEN 'pending' ELSE 'confirmed' END,
              CASE WHEN w > 0 THEN e.pcn_supervisor_id END,
              CASE WHEN w > 0 THEN ($2::date - 7 * w + 2 + time '09:00') AT TIME ZONE 'Europe/London' END
         FROM enrolment e JOIN cohort c ON c.id = e.cohort_id CROSS JOIN generate_series(0, 7) AS w
         JOIN jsonb_to_recordset($3::jsonb) AS ce(cohort_id uuid, ends_before date) ON ce.cohort_id = e.cohort_id
        WHERE e.cohort_id = ANY($1::uuid[]) AND $2::date - 7 * w >= c.start_date AND $2::date - 7 * w < ce.ends_before`,
      [cohortIds, today, JSON.stringify(ends)],
    );
  }

  const [counts] = await m.query(
    `SELECT (SELECT count(*) FROM enrolment WHERE cohort_id = ANY($1::uuid[]))::int AS enrolments,
            (SELECT count(*) FROM session WHERE cohort_id = ANY($1::uuid[]))::int AS sessions,
            (SELECT count(*) FROM session_attendance a JOIN session s ON s.id = a.session_id
              WHERE s.cohort_id = ANY($1::uuid[]))::int AS attendances,
            ${release ? `(SELECT count(*) FROM release_request r JOIN enrolment e ON e.id = r.enrolment_id WHERE e.cohort_id = ANY($1::uuid[]))::int` : '0'} AS releases`,
    [cohortIds],
  );
  return { cohorts: cohorts.length, ...counts };
}

/** What `checkSeedMatchesApp` needs: a seeded cohort with a CCC on each track. */
export function seedCheckSample(cohort, cccs) {
  const of = (track) => cccs.find((r) => r.cohort_id === cohort.id && r.track === track);
  const sample = of('supervision');
  return {
    cohortId: cohort.id,
    startDate: cohort.start_date,
    enrolmentByTrack: { supervision: sample.enrolment_id, training: of('training').enrolment_id },
    pcnId: sample.pcn_id,
    pcnSupervisorId: sample.pcn_supervisor_id,
    allianceSupervisorId: sample.alliance_supervisor_id,
  };
}

/**
 * The seed must make what the app makes. In a transaction that is rolled back, the app's own
 * `EnrolmentCommands.enrolInCohort` enrols one more CCC per track into a seeded cohort; their sessions (each plan
 * item's words, duration, mode, participants, own or shared) must equal a seeded CCC's, and the app must find
 * every shared session it needs already there.
 */
export async function checkSeedMatchesApp(db, enrolments, Cohort, programme, sample) {
  const runner = db.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const m = runner.manager;
    const cohort = await m.findOne(Cohort, { where: { id: sample.cohortId }, relations: { template: true } });
    const plan = (enrolmentId) =>
      m.query(
        `SELECT s.plan_item_key, s.month, s.kind, s.title, s.purpose, s.participants, s.min_minutes, s.max_minutes,
                s.mode, s.shared_by_cohort, s.enrolment_id IS NULL AS cohort_row, a.attendance = 'expected' AS expected
           FROM session_attendance a JOIN session s ON s.id = a.session_id
          WHERE a.enrolment_id = $1 ORDER BY s.plan_item_key`,
        [enrolmentId],
      );
    const sharedCount = async () =>
      (
        await m.query('SELECT count(*)::int AS n FROM session WHERE cohort_id = $1 AND enrolment_id IS NULL', [
          cohort.id,
        ])
      )[0].n;
    const sharedBefore = await sharedCount();
    const sizes = [];
    for (const [track, seededId] of Object.entries(sample.enrolmentByTrack)) {
      const [person] = await m.query(`INSERT INTO person (email, full_name) VALUES ($1, 'Seed check') RETURNING id`, [
        `bench.check.${track}@example.org`,
      ]);
      await m.query(`INSERT INTO role_assignment (person_id, role, organisation_id) VALUES ($1, 'ccc', $2)`, [
        person.id,
        sample.pcnId,
      ]);
      const id = await enrolments.enrolInCohort(
        m,
        cohort,
        {
          cccId: person.id,
          pcnId: sample.pcnId,
          pcnSupervisorId: sample.pcnSupervisorId,
          allianceSupervisorId: sample.allianceSupervisorId,
          track,
          employmentStart: programme.addCalendarMonths(sample.startDate, track === 'training' ? -30 : 0),
        },
        null,
      );
      // Attendance compared on shape only: the seeded history marks held sessions as attended.
      const fromApp = (await plan(id)).map((r) => ({ ...r, expected: true }));
      const fromSeed = (await plan(seededId)).map((r) => ({ ...r, expected: true }));
      if (JSON.stringify(fromApp) !== JSON.stringify(fromSeed)) {
        throw new Error(
          `the seeded ${track} sessions differ from the app's:\napp:  ${JSON.stringify(fromApp)}\nseed: ${JSON.stringify(fromSeed)}`,
        );
      }
      sizes.push(`${track} ${fromApp.length}`);
    }
    if ((await sharedCount()) !== sharedBefore)
      throw new Error('the app had to create shared sessions the seed lacked');
    return `the app's enrolInCohort makes the same sessions as the seed (${sizes.join(', ')}; rolled back)`;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
