import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { CohortReport, NationalCell, NationalFigures, NationalSummary } from '@ccc/contracts';
import { addCalendarMonths, DEFAULT_TEMPLATE, type LikertLevel } from '@ccc/programme';
import { EnrolmentCommands } from '../src/enrolments/enrolment-commands.service';
import { startTestApp, type TestApp, withDatabase } from './support/test-app';
import { createPerson, createWorld, postAs, tokenFor, type World, type WorldPerson } from './support/world';

const LEVELS: LikertLevel[] = ['strongly_agree', 'agree', 'neither', 'agree', 'disagree', 'agree', 'strongly_disagree'];
const INDIVIDUAL_TARGET = 6;

/**
 * The national view over three Alliances built here (and whatever earlier test files left in the shared database):
 * one with ten CCCs, one with three (every figure small), one with eight. Figures are checked against SQL over the
 * raw rows, never against the code that computed them.
 */
describe('the national figures', () => {
  let t: TestApp;
  let one: World;
  let two: World;
  let three: World;
  /** Every person of the three worlds, the extra CCCs included. */
  const people: WorldPerson[] = [];
  let national: WorldPerson;
  let token: string;
  const FREE_TEXT = `Nobody should read this ${randomUUID()}`;

  /** More CCCs in a world's cohort; every third on the training track. */
  async function enrolMore(world: World, count: number): Promise<string[]> {
    const service = t.app.get(EnrolmentCommands);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const pcn = i % 2 ? world.pcn2 : world.pcn1;
      // Letters, not digits: the e-mail is made from the name.
      const ccc = await createPerson(t.db, `Extra CCC ${'abcdefghij'[i]}`, 'ccc', pcn.id);
      people.push(ccc);
      ids.push(
        await t.db.transaction((manager) =>
          service.enrolInCohort(
            manager,
            world.cohort,
            {
              cccId: ccc.id,
              pcnId: pcn.id,
              pcnSupervisorId: (i % 2 ? world.people.pcnSupervisor2 : world.people.pcnSupervisor1).id,
              allianceSupervisorId: world.people.supervisor1.id,
              track: i % 3 === 2 ? 'training' : 'supervision',
              employmentStart: addCalendarMonths(world.startDate, i % 3 === 2 ? -24 : -1),
            },
            null,
          ),
        ),
      );
    }
    return ids;
  }

  /**
   * Every session held and attended, except the individual sessions of the CCCs in `missing` (missed); the first
   * `completed` enrolments completed, the next `withdrawn` withdrawn; each CCC's survey answers, in SQL.
   */
  async function seed(world: World, ids: string[], plan: { completed: number; withdrawn: number; missing: string[] }) {
    await t.db.query(
      `UPDATE session s SET status = 'completed', starts_at = now() - interval '200 days', duration_minutes = s.min_minutes,
              staff_attendance = '{"pcn_supervisor": "present", "alliance_supervisor": "present"}'::jsonb
        WHERE s.cohort_id = $1`,
      [world.cohort.id],
    );
    await t.db.query(
      `UPDATE session_attendance a SET attendance = 'present' FROM session s WHERE s.id = a.session_id AND s.cohort_id = $1`,
      [world.cohort.id],
    );
    await t.db.query(
      `UPDATE session SET status = 'missed' WHERE enrolment_id = ANY($1::uuid[]) AND kind = 'individual'`,
      [plan.missing],
    );
    for (const [i, id] of ids.entries()) {
      const status = i < plan.completed ? 'completed' : i < plan.completed + plan.withdrawn ? 'withdrawn' : 'active';
      await t.db.query(`UPDATE enrolment SET status = $2 WHERE id = $1`, [id, status]);
      const { ccc_id } = (await t.db.query('SELECT ccc_id FROM enrolment WHERE id = $1', [id]))[0];
      const likert: Record<string, LikertLevel> = { 'confident-in-role': LEVELS[i % LEVELS.length]! };
      if (i % 2) likert['would-recommend'] = 'agree';
      await t.db.query(
        `INSERT INTO evaluation_response (enrolment_id, person_id, respondent, status, likert, free_text, submitted_at)
         VALUES ($1, $2, 'ccc', 'submitted', $3, $4, now())`,
        [id, ccc_id, JSON.stringify(likert), JSON.stringify({ 'most-valuable': { text: FREE_TEXT, mayQuote: true } })],
      );
    }
  }

  const summary = async (bearer = token): Promise<NationalSummary> =>
    (await t.http().get('/api/national/summary').set('Authorization', bearer).expect(200)).body;
  const rowOf = (s: NationalSummary, world: World) => s.alliances.find((a) => a.allianceId === world.alliance.id)!;

  beforeAll(async () => {
    // A database of its own: the national figures count every Alliance, so other test files' data must not be in it.
    t = await startTestApp({ DATABASE_URL: await withDatabase('national', 'create') });
    one = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    two = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    three = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    for (const world of [one, two, three]) people.push(...Object.values(world.people));
    const base = (w: World) => [w.enrolments.A, w.enrolments.B, w.enrolments.C];
    const oneIds = [...base(one), ...(await enrolMore(one, 7))];
    const threeIds = [...base(three), ...(await enrolMore(three, 5))];
    // One: 10 CCCs, 6 completed, 1 withdrawn; two of its supervision-track CCCs missed their individual sessions.
    await seed(one, oneIds.slice(0, 9), { completed: 6, withdrawn: 1, missing: [one.enrolments.C, oneIds[3]!] });
    // Two: 3 CCCs, one of each status. Three: 8, all active.
    await seed(two, base(two), { completed: 1, withdrawn: 1, missing: [] });
    await seed(three, threeIds, { completed: 0, withdrawn: 0, missing: [] });
    // The tenth CCC of One answers through the API, free text included, with a draft beside it that must not count.
    const last = oneIds[9]!;
    const lastCcc = people.find((p) => p.fullName.startsWith('Extra CCC g'))!;
    await postAs(t, await tokenFor(t, lastCcc), `/api/enrolments/${last}/survey/submit`, {
      likert: { 'confident-in-role': 'strongly_agree' },
      freeText: { 'most-valuable': { text: FREE_TEXT, mayQuote: true } },
      version: 0,
    }).expect(200);
    await t.db.query(
      `INSERT INTO evaluation_response (enrolment_id, person_id, respondent, status, likert, free_text)
       VALUES ($1, $2, 'pcn_supervisor', 'draft', '{"reduced-workload": "agree"}', '{}')`,
      [one.enrolments.A, one.people.pcnSupervisor1.id],
    );

    const nation = await t.db.query(`INSERT INTO organisation (kind, name) VALUES ('nation', $1) RETURNING id`, [
      `NHS England ${randomUUID().slice(0, 8)}`,
    ]);
    national = await createPerson(t.db, 'National Viewer', 'national_viewer', nation[0].id);
    token = await tokenFor(t, national);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await withDatabase('national', 'drop');
  });

  /** A cell agrees with the true count: shown as it is, or under 5 as "fewer than 5", or at least 5 and withheld. */
  function expectCell(cell: NationalCell, truth: number, label: string) {
    const seen = `${label}: ${JSON.stringify(cell)} for ${truth}`;
    if (truth < 5)
      expect({ seen, cell }).toEqual({
        seen,
        cell: { value: null, display: 'fewer than 5', suppressed: 'fewer_than_5' },
      });
    else if (cell.suppressed)
      expect({ seen, cell }).toEqual({ seen, cell: { value: null, display: 'withheld', suppressed: 'withheld' } });
    else
      expect({ seen, value: cell.value, display: cell.display }).toEqual({
        seen,
        value: truth,
        display: String(truth),
      });
  }

  /** A share: shown as the rounded per cent when both its counts are, else hidden. */
  function expectShare(cell: NationalCell, part: NationalCell, whole: NationalCell, truth: [number, number]) {
    if (part.suppressed || whole.suppressed) expect(cell.value).toBeNull();
    else
      expect(cell).toEqual({
        value: Math.round((100 * truth[0]) / truth[1]),
        display: `${Math.round((100 * truth[0]) / truth[1])}%`,
        suppressed: null,
      });
  }

  /** The true figures of one Alliance (or of all, with null), from the raw rows. */
  async function truth(allianceId: string | null) {
    const where = allianceId ? 'c.alliance_id = $1' : 'c.alliance_id IN (SELECT id FROM organisation WHERE kind = $1)';
    const param = allianceId ?? 'alliance';
    const [enrolment] = await t.db.query(
      `SELECT count(*)::int AS enrolled, count(*) FILTER (WHERE e.status = 'active')::int AS active,
              count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE e.status = 'withdrawn')::int AS withdrawn
         FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE ${where}`,
      [param],
    );
    // "6 individual sessions": of the supervision-track CCCs, those with 6 individual sessions held.
    const [individual] = await t.db.query(
      `SELECT count(*)::int AS counted, count(*) FILTER (WHERE held >= ${INDIVIDUAL_TARGET})::int AS met FROM (
         SELECT e.id, count(s.id) FILTER (WHERE s.kind = 'individual' AND s.status = 'completed') AS held
           FROM enrolment e JOIN cohort c ON c.id = e.cohort_id
           LEFT JOIN session_attendance a ON a.enrolment_id = e.id LEFT JOIN session s ON s.id = a.session_id
          WHERE ${where} AND e.track = 'supervision' GROUP BY e.id) x`,
      [param],
    );
    const statements = (await t.db.query(
      `SELECT kv.key, count(*)::int AS answering, count(*) FILTER (WHERE kv.value IN ('agree', 'strongly_agree'))::int AS agreed
         FROM evaluation_response r JOIN enrolment e ON e.id = r.enrolment_id JOIN cohort c ON c.id = e.cohort_id,
              jsonb_each_text(r.likert) kv
        WHERE r.status = 'submitted' AND ${where} GROUP BY kv.key`,
      [param],
    )) as { key: string; answering: number; agreed: number }[];
    return { enrolment, individual, statements: new Map(statements.map((s) => [s.key, s])) };
  }

  async function expectFigures(figures: NationalFigures, s: NationalSummary, allianceId: string | null, label: string) {
    const real = await truth(allianceId);
    const e = figures.enrolment;
    for (const key of ['enrolled', 'active', 'completed', 'withdrawn'] as const)
      expectCell(e[key], real.enrolment[key], `${label} ${key}`);
    expectShare(e.completedPercent, e.completed, e.enrolled, [real.enrolment.completed, real.enrolment.enrolled]);
    const i = s.expectations.findIndex((x) => x.expectationKey === 'alliance-individual');
    const individual = figures.expectations[i]!;
    expectCell(individual.counted, real.individual.counted, `${label} individual counted`);
    expectCell(individual.met, real.individual.met, `${label} individual met`);
    expectShare(individual.metPercent, individual.met, individual.counted, [
      real.individual.met,
      real.individual.counted,
    ]);
    s.statements.forEach((statement, k) => {
      const row = real.statements.get(statement.id) ?? { answering: 0, agreed: 0 };
      const cell = figures.survey[k]!;
      expectCell(cell.answering, row.answering, `${label} ${statement.id} answering`);
      if (row.answering < 5) expect(cell.agreedPercent.display).toBe('fewer than 5');
      else if (!cell.answering.suppressed && !cell.agreedPercent.suppressed)
        expect(cell.agreedPercent.value).toBe(Math.round((100 * row.agreed) / row.answering));
    });
  }

  it('gives each Alliance and the nation the figures the raw rows give', async () => {
    let s = await summary();
    for (const world of [one, two, three])
      await expectFigures(rowOf(s, world).figures, s, world.alliance.id, world.alliance.name);
    expect(rowOf(s, one).allianceName).toBe(one.alliance.name);
    // Every Alliance of the database, and the nation its sum (earlier test files' Alliances included).
    const alliances: { id: string }[] = await t.db.query(
      `SELECT id FROM organisation WHERE kind = 'alliance' ORDER BY name, id`,
    );
    expect(s.alliances.map((a) => a.allianceId)).toEqual(alliances.map((a) => a.id));
    s = await summary();
    await expectFigures(s.national, s, null, 'the nation');
    // Some figures of One show at all (the national enrolled count always does here: well over 5).
    expect(s.national.enrolment.enrolled.suppressed).toBeNull();
  });

  it('shows the small Alliance as "fewer than 5" throughout, and never one hidden figure alone in a column', async () => {
    const s = await summary();
    const small = rowOf(s, two).figures;
    for (const cell of Object.values(small.enrolment))
      expect(cell).toEqual({ value: null, display: 'fewer than 5', suppressed: 'fewer_than_5' });
    for (const x of small.expectations) expect(x.met.display).toBe('fewer than 5');
    for (const x of small.survey) expect(x.agreedPercent.display).toBe('fewer than 5');
    // The withdrawn CCC of One is one person.
    expect(rowOf(s, one).figures.enrolment.withdrawn.display).toBe('fewer than 5');
    const rows = [...s.alliances.map((a) => a.figures), s.national];
    const columns: NationalCell[][] = [
      ...(['enrolled', 'active', 'completed', 'withdrawn'] as const).map((k) => rows.map((f) => f.enrolment[k])),
      ...s.expectations.flatMap((_, i) => [
        rows.map((f) => f.expectations[i]!.counted),
        rows.map((f) => f.expectations[i]!.met),
      ]),
      ...s.statements.map((_, i) => rows.map((f) => f.survey[i]!.answering)),
      ...rows.map((f) => [f.enrolment.enrolled, f.enrolment.active, f.enrolment.completed, f.enrolment.withdrawn]),
    ];
    for (const column of columns) expect(column.filter((c) => c.suppressed)).not.toHaveLength(1);
  });

  it('agrees with each Alliance’s own cohort report on the expectations met, where shown', async () => {
    const s = await summary();
    for (const world of [one, three]) {
      const report: CohortReport = (
        await t
          .http()
          .get(`/api/reports/cohort`)
          .set('Authorization', await tokenFor(t, world.people.admin))
          .expect(200)
      ).body;
      const figures = rowOf(s, world).figures;
      for (const row of report.sessions) {
        const i = s.expectations.findIndex((x) => x.expectationKey === row.expectationKey);
        expectCell(figures.expectations[i]!.counted, row.enrolmentsCounted, `${row.expectationKey} counted`);
        expectCell(figures.expectations[i]!.met, row.enrolmentsMet, `${row.expectationKey} met`);
      }
    }
  });

  it('names no person, PCN or answer of any Alliance, in JSON or in CSV', async () => {
    const json = JSON.stringify(await summary());
    const csv = await t.http().get('/api/national/summary.csv').set('Authorization', token).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="national-figures-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const enrolments: { id: string }[] = await t.db.query(
      `SELECT e.id FROM enrolment e JOIN cohort c ON c.id = e.cohort_id WHERE c.alliance_id = ANY($1::uuid[])`,
      [[one, two, three].map((w) => w.alliance.id)],
    );
    const secrets = [
      ...[...people, national].flatMap((p) => [p.id, p.email, p.fullName]),
      ...[one, two, three].flatMap((w) => [w.pcn1.id, w.pcn1.name, w.pcn2.id, w.pcn2.name, w.cohort.id, w.cohort.name]),
      ...enrolments.map((e) => e.id),
      FREE_TEXT,
    ];
    expect(people.length).toBe(3 * 9 + 12);
    for (const text of [json, csv.text]) expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    // Not vacuous: the Alliances are there, by name.
    expect(json).toContain(one.alliance.name);
    expect(csv.text).toContain(two.alliance.name);

    // The CSV reads as the page, as one long table (a record per figure, CRLF ends), the small Alliance in words.
    expect(csv.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows: string[][] = parse(csv.text.replace(/^\ufeff/, ''));
    expect(rows[0]).toEqual(['Table', 'Row', 'Row label', 'Column', 'Value']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    const enrolment = rows.filter((r) => r[0] === 'Enrolment and completion');
    expect([...new Set(enrolment.map((r) => r[3]))]).toEqual([
      'Alliance',
      'Enrolled',
      'Active',
      'Completed',
      'Withdrawn',
      'Completed %',
    ]);
    expect(enrolment.filter((r) => r[2] === two.alliance.name && r[3] !== 'Alliance').map((r) => r[4])).toEqual(
      Array(5).fill('fewer than 5'),
    );
    expect(enrolment.some((r) => r[2] === 'England')).toBe(true);
  });

  it('is for national viewers only, who reach no Alliance’s records', async () => {
    for (const person of [one.people.admin, one.people.supervisor1, one.people.pcnSupervisor1, one.people.cccA]) {
      const bearer = await tokenFor(t, person);
      await t.http().get('/api/national/summary').set('Authorization', bearer).expect(403);
      await t.http().get('/api/national/summary.csv').set('Authorization', bearer).expect(403);
    }
    await t.http().get('/api/national/summary').expect(401);
    for (const path of [
      '/api/enrolments',
      '/api/people',
      '/api/cohorts',
      '/api/caseload',
      `/api/enrolments/${one.enrolments.A}`,
      `/api/reports/cohort?cohortId=${one.cohort.id}`,
    ]) {
      const res = await t.http().get(path).set('Authorization', token);
      // Refused, or nothing at all.
      if (res.status === 200) expect(res.body).toEqual([]);
      else expect([403, 404]).toContain(res.status);
    }
  });

  it('costs the same number of queries whatever the number of Alliances and CCCs', async () => {
    const cost = async () => {
      const before = t.queries.total;
      await summary();
      return t.queries.total - before;
    };
    const small = await cost();
    const four = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    await enrolMore(four, 6);
    expect(await cost()).toBe(small);
    // Signing in is counted too (the session and the person): the summary itself reads 8.
    expect(small).toBeLessThanOrEqual(12);
  });
});
