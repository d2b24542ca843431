import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { CohortReport } from '@ccc/contracts';
import { addCalendarMonths, DEFAULT_TEMPLATE, type LikertLevel } from '@ccc/programme';
import { EnrolmentCommands } from '../src/enrolments/enrolment-commands.service';
import { startTestApp, type TestApp } from './support/test-app';
import { createPerson, createWorld, tokenFor, type World } from './support/world';
import { pdfInfo, pdfStructure, pdfToText } from './support/poppler';

const LEVELS: LikertLevel[] = ['strongly_agree', 'agree', 'neither', 'disagree', 'agree', 'strongly_disagree'];

/** Binary bodies (XLSX, PDF) as a Buffer. */
function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('the cohort report', () => {
  let t: TestApp;
  let world: World;
  let admin: string;
  let enrolments: string[];

  /** More CCCs in the world's cohort, so that some statements reach 5 answers. */
  async function enrolMore(count: number): Promise<string[]> {
    const service = t.app.get(EnrolmentCommands);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const pcn = i % 2 ? world.pcn2 : world.pcn1;
      const ccc = await createPerson(t.db, `Extra CCC ${i}`, 'ccc', pcn.id);
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
   * The seeded set, written straight into the tables as the features would have: months 1–3 held (one CCC absent
   * from group supervision), release time, competency sign-offs and training, survey responses, outcome counts,
   * one enrolment completed and one withdrawn.
   */
  async function seed(ids: string[]): Promise<void> {
    await t.db.query(
      `UPDATE session s SET status = 'completed', starts_at = now() - interval '120 days', duration_minutes = s.min_minutes,
              staff_attendance = '{"pcn_supervisor": "present", "alliance_supervisor": "present"}'::jsonb
        WHERE s.cohort_id = $1 AND s.month <= 3`,
      [world.cohort.id],
    );
    await t.db.query(
      `UPDATE session_attendance a SET attendance = CASE WHEN a.enrolment_id = $2 AND s.kind = 'group' THEN 'absent' ELSE 'present' END
         FROM session s WHERE s.id = a.session_id AND s.cohort_id = $1 AND s.month <= 3`,
      [world.cohort.id, ids[2]],
    );
    for (const [i, id] of ids.entries()) {
      await t.db.query(
        `INSERT INTO release_request (enrolment_id, kind, date, minutes, description, status)
         VALUES ($1, 'study', $2, $3, 'Reading', $4), ($1, 'training', $2, 90, 'Training day', 'confirmed'),
                ($1, 'study', $2, 30, 'Reading', 'pending')`,
        [id, world.startDate, 60 + 15 * i, i % 4 === 3 ? 'declined' : 'confirmed'],
      );
      const signedOff = i % 3;
      for (let c = 0; c < 3; c++)
        await t.db.query(`INSERT INTO competency_progress (enrolment_id, competency_code, state) VALUES ($1, $2, $3)`, [
          id,
          `C${c}`,
          c < signedOff ? 'signed_off' : 'working_towards',
        ]);
      for (let k = 0; k <= i % 2; k++)
        await t.db.query(
          `INSERT INTO training_plan_item (enrolment_id, kind, title, target_month, created_by_id, completed_on, completed_via)
           VALUES ($1, 'free', 'Course', 2, $2, $3, $4)`,
          [id, world.people.supervisor1.id, k === 0 ? world.startDate : null, k === 0 ? 'ccc' : null],
        );
      for (let month = 1; month <= 3; month++)
        await t.db.query(
          `INSERT INTO outcome_count (enrolment_id, month, measure_id, count, recorded_by_id)
           VALUES ($1, $2, 'cancer-care-reviews', $3, $5), ($1, $2, 'social-prescriber-referrals', $4, $5)`,
          [id, month, 5 + i + month, i % 3, world.people.supervisor1.id],
        );
      // Every CCC answers "confident-in-role"; only the first four answer "training-increased-knowledge".
      const ccc: { ccc_id: string; pcn_supervisor_id: string } = (
        await t.db.query('SELECT ccc_id, pcn_supervisor_id FROM enrolment WHERE id = $1', [id])
      )[0];
      const likert: Record<string, LikertLevel> = { 'confident-in-role': LEVELS[i % LEVELS.length]! };
      if (i < 4) likert['training-increased-knowledge'] = 'agree';
      await t.db.query(
        `INSERT INTO evaluation_response (enrolment_id, person_id, respondent, status, likert, free_text, submitted_at)
         VALUES ($1, $2, 'ccc', 'submitted', $3, $4, now())`,
        [
          id,
          ccc.ccc_id,
          JSON.stringify(likert),
          JSON.stringify({ 'most-valuable': { text: `Answer ${i}`, mayQuote: i % 2 === 0 } }),
        ],
      );
      await t.db.query(
        `INSERT INTO evaluation_response (enrolment_id, person_id, respondent, status, likert, free_text, submitted_at)
         VALUES ($1, $2, 'pcn_supervisor', $3, $4, '{}', $5)`,
        [
          id,
          ccc.pcn_supervisor_id,
          i < 5 ? 'submitted' : 'draft',
          JSON.stringify({ 'reduced-workload': i % 2 ? 'agree' : 'disagree' }),
          i < 5 ? new Date() : null,
        ],
      );
    }
    await t.db.query(`UPDATE enrolment SET status = 'completed' WHERE id = $1`, [ids[0]]);
    await t.db.query(`UPDATE enrolment SET status = 'withdrawn', status_reason = 'Left the PCN' WHERE id = $1`, [
      ids[1],
    ]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    admin = await tokenFor(t, world.people.admin);
    enrolments = [world.enrolments.A, world.enrolments.B, world.enrolments.C, ...(await enrolMore(3))];
    await seed(enrolments);
  });
  afterAll(() => t.close());

  const report = async (token: string, query = `cohortId=${world.cohort.id}`): Promise<CohortReport> =>
    (await t.http().get(`/api/reports/cohort?${query}`).set('Authorization', token).expect(200)).body;

  it('matches figures computed independently from the raw rows', async () => {
    const body = await report(admin);
    const cohort = world.cohort.id;
    const one = async <T>(sql: string, params: unknown[] = [cohort]): Promise<T> => (await t.db.query(sql, params))[0];

    // Enrolment and completion.
    const counts = await one<Record<string, string>>(
      `SELECT count(*) AS enrolled, count(*) FILTER (WHERE track = 'supervision') AS supervision,
              count(*) FILTER (WHERE status = 'completed') AS completed, count(*) FILTER (WHERE status = 'withdrawn') AS withdrawn,
              count(*) FILTER (WHERE status = 'active') AS active
         FROM enrolment WHERE cohort_id = $1`,
    );
    expect(body.enrolment.total).toMatchObject({
      enrolled: Number(counts['enrolled']),
      supervisionTrack: Number(counts['supervision']),
      trainingTrack: Number(counts['enrolled']) - Number(counts['supervision']),
      active: Number(counts['active']),
      completed: Number(counts['completed']),
      withdrawn: Number(counts['withdrawn']),
      completedPercent: Math.round((100 * Number(counts['completed'])) / Number(counts['enrolled'])),
    });
    expect(body.enrolment.cohorts).toHaveLength(1);
    const supervision = Number(counts['supervision']);

    // Sessions: individual sessions held against 6 per supervision-track CCC; joint sessions the PCN attended.
    const held = await one<{ individual: string; joint: string; present: string; attendable: string }>(
      `SELECT count(*) FILTER (WHERE s.kind = 'individual') AS individual,
              count(*) FILTER (WHERE s.kind IN ('joint', 'handover') AND s.staff_attendance->>'pcn_supervisor' = 'present') AS joint,
              count(*) FILTER (WHERE s.kind IN ('individual', 'group') AND a.attendance = 'present') AS present,
              count(*) FILTER (WHERE s.kind IN ('individual', 'group')) AS attendable
         FROM session_attendance a JOIN session s ON s.id = a.session_id JOIN enrolment e ON e.id = a.enrolment_id
        WHERE e.cohort_id = $1 AND s.status = 'completed' AND e.track = 'supervision'`,
    );
    const row = (key: string) => body.sessions.find((s) => s.expectationKey === key)!;
    expect(row('alliance-individual')).toMatchObject({
      party: 'alliance',
      delivered: Number(held.individual),
      expected: 6 * supervision,
      enrolmentsCounted: supervision,
    });
    expect(row('pcn-joint-sessions')).toMatchObject({ delivered: Number(held.joint), expected: 3 * supervision });
    expect(row('ccc-attend-supervision')).toMatchObject({
      measure: 'attended',
      delivered: Number(held.present),
      expected: Number(held.attendable),
    });
    expect(Number(held.present)).toBeLessThan(Number(held.attendable));
    expect(body.sessions.map((s) => s.party)).toEqual(
      [...body.sessions.map((s) => s.party)].sort(
        (a, b) => ['alliance', 'pcn', 'ccc'].indexOf(a) - ['alliance', 'pcn', 'ccc'].indexOf(b),
      ),
    );

    // Competencies and training, from the competency records.
    const development = await one<Record<string, string>>(
      `SELECT (SELECT count(*) FROM competency_progress p JOIN enrolment e ON e.id = p.enrolment_id WHERE e.cohort_id = $1 AND p.state = 'signed_off') AS signed,
              (SELECT count(DISTINCT p.enrolment_id) FROM competency_progress p JOIN enrolment e ON e.id = p.enrolment_id WHERE e.cohort_id = $1 AND p.state = 'signed_off') AS cccs,
              (SELECT count(*) FROM training_plan_item i JOIN enrolment e ON e.id = i.enrolment_id WHERE e.cohort_id = $1) AS items,
              (SELECT count(*) FROM training_plan_item i JOIN enrolment e ON e.id = i.enrolment_id WHERE e.cohort_id = $1 AND i.completed_on IS NOT NULL) AS done`,
    );
    expect(body.development).toEqual({
      cccs: Number(counts['enrolled']),
      competenciesSignedOff: Number(development['signed']),
      cccsWithASignOff: Number(development['cccs']),
      trainingItems: Number(development['items']),
      trainingCompleted: Number(development['done']),
      trainingCompletedPercent: Math.round((100 * Number(development['done'])) / Number(development['items'])),
    });

    // Release time confirmed, per PCN.
    const release: { pcn_id: string; minutes: string; pending: string; declined: string }[] = await t.db.query(
      `SELECT e.pcn_id, coalesce(sum(r.minutes) FILTER (WHERE r.status = 'confirmed'), 0) AS minutes,
              count(*) FILTER (WHERE r.status = 'pending') AS pending, count(*) FILTER (WHERE r.status = 'declined') AS declined
         FROM release_request r JOIN enrolment e ON e.id = r.enrolment_id WHERE e.cohort_id = $1 GROUP BY e.pcn_id`,
      [cohort],
    );
    for (const r of release)
      expect(body.release.find((x) => x.pcnId === r.pcn_id)).toMatchObject({
        confirmedHours: Math.round((Number(r.minutes) / 60) * 10) / 10,
        pendingRequests: Number(r.pending),
        declinedRequests: Number(r.declined),
      });

    // The survey: submitted responses only, "% agreed or strongly agreed", withheld under 5.
    const responses: {
      respondent: string;
      likert: Record<string, string>;
      free_text: Record<string, { text: string; mayQuote: boolean }>;
    }[] = await t.db.query(
      `SELECT r.respondent, r.likert, r.free_text FROM evaluation_response r JOIN enrolment e ON e.id = r.enrolment_id
          WHERE e.cohort_id = $1 AND r.status = 'submitted'`,
      [cohort],
    );
    expect(body.survey.responses).toEqual({
      ccc: responses.filter((r) => r.respondent === 'ccc').length,
      pcn_supervisor: responses.filter((r) => r.respondent === 'pcn_supervisor').length,
    });
    for (const statement of body.survey.statements) {
      const answers = responses.map((r) => r.likert[statement.statementId]).filter((a) => a !== undefined);
      const agreed = answers.filter((a) => a === 'agree' || a === 'strongly_agree').length;
      expect({ id: statement.statementId, answering: statement.answering, display: statement.display }).toEqual({
        id: statement.statementId,
        answering: answers.length,
        display: answers.length < 5 ? 'fewer than 5' : `${Math.round((100 * agreed) / answers.length)}%`,
      });
    }
    // A statement with 4 answers shows "fewer than 5", and nothing that could be counted back.
    expect(body.survey.statements.find((s) => s.statementId === 'training-increased-knowledge')).toMatchObject({
      answering: 4,
      agreed: null,
      percentAgreed: null,
      display: 'fewer than 5',
      distribution: null,
    });
    const confident = body.survey.statements.find((s) => s.statementId === 'confident-in-role')!;
    expect(confident.answering).toBe(6);
    expect(confident.percentAgreed).toBe(50);
    expect(Object.values(confident.distribution!).reduce((a, b) => a + b, 0)).toBe(6);
    expect(body.survey.statements.find((s) => s.statementId === 'reduced-workload')).toMatchObject({
      answering: 5,
      display: '40%',
    });

    // Outcome totals and quotes.
    const outcomes: { measure_id: string; total: string }[] = await t.db.query(
      `SELECT o.measure_id, sum(o.count) AS total FROM outcome_count o JOIN enrolment e ON e.id = o.enrolment_id
        WHERE e.cohort_id = $1 GROUP BY o.measure_id`,
      [cohort],
    );
    for (const o of outcomes)
      expect(body.outcomes.find((x) => x.measureId === o.measure_id)!.total).toBe(Number(o.total));
    expect(body.outcomes.find((x) => x.measureId === 'reviews-audited')).toMatchObject({ total: 0, cccsReporting: 0 });
    // Baseline (each CCC's first month recorded) and change (their latest minus it), as the GM pilot reported.
    const recorded: { enrolment_id: string; month: number; count: number }[] = await t.db.query(
      `SELECT o.enrolment_id, o.month, o.count FROM outcome_count o JOIN enrolment e ON e.id = o.enrolment_id
        WHERE e.cohort_id = $1 AND o.measure_id = 'cancer-care-reviews' ORDER BY o.month`,
      [cohort],
    );
    const firstOf = new Map<string, number>();
    const lastOf = new Map<string, number>();
    for (const r of recorded) {
      if (!firstOf.has(r.enrolment_id)) firstOf.set(r.enrolment_id, r.count);
      lastOf.set(r.enrolment_id, r.count);
    }
    const baseline = [...firstOf.values()].reduce((a, b) => a + b, 0);
    const latest = [...lastOf.values()].reduce((a, b) => a + b, 0);
    expect(body.outcomeChanges.find((x) => x.measureId === 'cancer-care-reviews')).toEqual({
      measureId: 'cancer-care-reviews',
      label: 'Cancer Care Reviews completed',
      unit: 'reviews',
      kind: 'count',
      cccs: firstOf.size,
      baseline,
      latest,
      change: latest - baseline,
      changePercent: Math.round(((latest - baseline) / baseline) * 100),
      medianBaseline: expect.any(Number),
      medianChange: 2,
      overall: Number(outcomes.find((o) => o.measure_id === 'cancer-care-reviews')!.total),
      overallOf: null,
    });
    expect(body.outcomeChanges.find((x) => x.measureId === 'reviews-audited')).toMatchObject({
      cccs: 0,
      baseline: null,
      change: null,
    });
    const quotable = responses
      .map((r) => r.free_text['most-valuable'])
      .filter((a) => a?.mayQuote)
      .map((a) => a!.text)
      .sort();
    expect(body.quotes).toEqual(quotable.map((text) => ({ question: 'What did you find most valuable?', text })));
    // Anonymous: no person or enrolment id anywhere in the survey part or the quotes.
    const anonymous = JSON.stringify([body.survey, body.quotes]);
    for (const id of enrolments) expect(anonymous).not.toContain(id);
    expect(anonymous).not.toContain(world.people.cccA.id);
  });

  it('exports the same numbers as XLSX (one sheet per table), CSV and a PDF', async () => {
    const body = await report(admin);
    const res = await t
      .http()
      .get(`/api/reports/cohort/export?cohortId=${world.cohort.id}&format=xlsx`)
      .set('Authorization', admin)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="cohort-report-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Enrolment',
      'Sessions',
      'Competencies and training',
      'Release time',
      'Wider workforce',
      'Survey responses',
      'Survey',
      'Outcomes',
      'Outcome change',
      'Quotes',
    ]);
    const rows = (name: string) =>
      (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    // The cohort's start date is a real date cell (a serial number with a UK date format), not text.
    const enrolmentSheet = workbook.getWorksheet('Enrolment')!;
    const start = enrolmentSheet.getRow(2).getCell(2);
    expect(enrolmentSheet.getRow(1).getCell(2).value).toBe('Start date');
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect(start.numFmt).toBe('dd/mm/yyyy');
    expect((start.value as Date).toISOString()).toBe(`${body.enrolment.cohorts[0]!.startDate}T00:00:00.000Z`);
    const total = rows('Enrolment').find((r) => r[0] === 'All cohorts')!;
    const t0 = body.enrolment.total;
    expect(total.slice(2)).toEqual([
      t0.enrolled,
      t0.supervisionTrack,
      t0.trainingTrack,
      t0.active,
      t0.completed,
      t0.withdrawn,
      t0.completedPercent,
    ]);
    for (const s of body.sessions) {
      const r = rows('Sessions').find((x) => x[1] === s.title)!;
      expect(r.slice(3, 5)).toEqual([s.delivered, s.expected]);
    }
    for (const s of body.survey.statements) {
      const r = rows('Survey').find((x) => x[0] === s.text)!;
      expect(r[2]).toBe(s.answering);
      expect(r[3]).toBe(s.percentAgreed ?? 'fewer than 5');
    }
    expect(rows('Survey').find((x) => x[0] === 'The training increased my knowledge')![3]).toBe('fewer than 5');
    for (const o of body.outcomes)
      expect(
        rows('Outcomes')
          .find((x) => x[0] === o.label)!
          .slice(2, 4),
      ).toEqual([o.total, o.cccsReporting]);
    // Empty cells (nothing recorded) are read back as absent.
    for (const o of body.outcomeChanges) {
      const r = rows('Outcome change').find((x) => x[0] === o.label)!;
      expect([2, 3, 4, 5, 6].map((i) => r[i] ?? null)).toEqual([
        o.cccs,
        o.baseline,
        o.latest,
        o.change,
        o.changePercent,
      ]);
    }
    for (const r of body.release)
      expect(rows('Release time').find((x) => x[0] === r.pcnName)![2]).toBe(r.confirmedHours);
    expect(rows('Competencies and training').find((x) => x[0] === 'Competencies signed off')![1]).toBe(
      body.development.competenciesSignedOff,
    );
    expect(
      rows('Quotes')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(body.quotes.map((q) => q.text));

    const csv = await t
      .http()
      .get(`/api/reports/cohort/export?cohortId=${world.cohort.id}&format=csv`)
      .set('Authorization', admin)
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    // One tidy long table, CRLF after every record: Table, Row, Row label, Column, Value.
    expect(csv.text.endsWith('\r\n')).toBe(true);
    expect(csv.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const records: string[][] = parse(csv.text, { bom: true });
    expect(records[0]).toEqual(['Table', 'Row', 'Row label', 'Column', 'Value']);
    expect(records.every((r) => r.length === 5)).toBe(true);
    const value = (table: string, label: string, column: string) =>
      records.find((r) => r[0] === table && r[2] === label && r[3] === column)?.[4];
    expect(
      value('Evaluation survey: % agreed or strongly agreed', 'The training increased my knowledge', 'Answering'),
    ).toBe('4');
    expect(
      value(
        'Evaluation survey: % agreed or strongly agreed',
        'The training increased my knowledge',
        '% agreed or strongly agreed',
      ),
    ).toBe('fewer than 5');
    expect(value('Enrolment and completion', 'All cohorts', 'Enrolled')).toBe(String(t0.enrolled));
    expect(value('Enrolment and completion', body.enrolment.cohorts[0]!.cohortName, 'Start date')).toBe(
      body.enrolment.cohorts[0]!.startDate,
    );
    // Every table of the report is there, each cell once.
    const tables = [...new Set(records.slice(1).map((r) => r[0]))];
    expect(tables).toContain('Sessions against each party\u2019s expectations');
    expect(tables).toContain('Outcomes recorded by the CCCs');
    expect(new Set(records.map((r) => r.slice(0, 4).join('|'))).size).toBe(records.length);

    const pdf = await t
      .http()
      .get(`/api/reports/cohort/export?cohortId=${world.cohort.id}&format=pdf`)
      .set('Authorization', admin)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).length).toBeGreaterThan(3000);
    // Tagged, titled and structured, read back by poppler: every table under its heading, the charts as figures.
    const file = pdf.body as Buffer;
    expect(pdfInfo(file)['Tagged']).toBe('yes');
    expect(pdfInfo(file)['Title']).toBe('Cohort report');
    expect(file.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    const tree = pdfStructure(file);
    expect(tree).toMatch(/H1[^\n]*\n\s+"Cohort report"/);
    for (const title of tables) expect(tree).toContain(`"${title}"`);
    expect(tree).toMatch(/TH:\n\s+\/Scope \/Column\n\s+"Enrolled"/);
    expect(tree).toMatch(/H3[^\n]*\n\s+"Chart: sessions delivered against expected"\n\s+Figure/);
    expect(file.toString('latin1')).toMatch(/\/Alt \(Bar chart of sessions delivered against expected: /);
    const text = pdfToText(file);
    expect(text).not.toContain('UTC');
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toMatch(/Generated \w+day \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
    expect(text.indexOf('Enrolment and completion')).toBeLessThan(text.indexOf('Sessions against each party'));

    await t.http().get(`/api/reports/cohort/export?format=docx`).set('Authorization', admin).expect(400);
  });

  it('costs the same number of queries whatever the number of CCCs', async () => {
    const cost = async () => {
      const before = t.queries.total;
      await report(admin);
      return t.queries.total - before;
    };
    const small = await cost();
    await seed(await enrolMore(4));
    expect(await cost()).toBe(small);
    expect(small).toBeLessThanOrEqual(12);
  });

  it('filters by PCN and by the cohort start date, and is for administrators and Alliance supervisors only', async () => {
    const pcn1 = await report(admin, `cohortId=${world.cohort.id}&pcnId=${world.pcn1.id}`);
    const inPcn1: { n: string }[] = await t.db.query(
      'SELECT count(*) AS n FROM enrolment WHERE cohort_id = $1 AND pcn_id = $2',
      [world.cohort.id, world.pcn1.id],
    );
    expect(pcn1.enrolment.total.enrolled).toBe(Number(inPcn1[0]!.n));
    expect(pcn1.release.map((r) => r.pcnId)).toEqual([world.pcn1.id]);
    expect(pcn1.filters.pcn).toEqual({ id: world.pcn1.id, name: world.pcn1.name });

    const later = addCalendarMonths(world.startDate, 1);
    expect((await report(admin, `cohortId=${world.cohort.id}&from=${later}`)).enrolment.cohorts).toEqual([]);
    expect((await report(admin, `cohortId=${world.cohort.id}&to=${world.startDate}`)).enrolment.cohorts).toHaveLength(
      1,
    );
    const bad = await t
      .http()
      .get(`/api/reports/cohort?from=${later}&to=${world.startDate}`)
      .set('Authorization', admin)
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'to', reason: 'to must not be before from' }]);

    // supervisor2 supervises CCC C in this cohort: they see its report, anonymous like everyone's.
    const sup2 = await tokenFor(t, world.people.supervisor2);
    expect((await report(sup2)).enrolment.total.enrolled).toBeGreaterThan(0);
    const other = await createWorld(t);
    // Another Alliance's cohort is as unknown as a missing one.
    await t.http().get(`/api/reports/cohort?cohortId=${other.cohort.id}`).set('Authorization', sup2).expect(404);
    await t.http().get(`/api/reports/cohort?cohortId=${world.alliance.id}`).set('Authorization', admin).expect(404);
    await t.http().get(`/api/reports/cohort?pcnId=${world.alliance.id}`).set('Authorization', admin).expect(404);
    for (const person of [world.people.pcnSupervisor1, world.people.cccA])
      await t
        .http()
        .get('/api/reports/cohort')
        .set('Authorization', await tokenFor(t, person))
        .expect(403);
  });
});
