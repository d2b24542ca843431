import { randomUUID } from 'node:crypto';
import type { FrameworkImportResponse, FrameworkResponse, FrameworkSummary } from '@ccc/contracts';
import { type CompetencyFramework, DEFAULT_FRAMEWORK, frameworkToJson } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { Cohort } from '../src/cohorts/cohort.entity';
import { CompetencyFrameworkVersion, DEFAULT_FRAMEWORK_ID } from '../src/competencies/competency-framework.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

/** A small framework of its own, under a key no other test uses. */
function ownFramework(codes: string[] = ['X-1', 'X-2', 'X-3']): CompetencyFramework {
  return {
    key: `test-${randomUUID().slice(0, 8)}`,
    name: 'A test framework',
    version: 1,
    scale: [
      { value: 1, label: 'Not yet', description: '' },
      { value: 2, label: 'Able', description: 'Does it without help' },
    ],
    domains: [
      {
        key: 'only',
        title: 'The only domain',
        description: '',
        competencies: codes.map((code) => ({
          code,
          title: `Competency ${code}`,
          description: 'What it is',
          evidenceGuidance: 'What shows it',
        })),
      },
    ],
  };
}

describe('competency frameworks: import, export, and the cohort’s version', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const upload = (token: string, content: string, filename: string, format?: string) => {
    const req = t.http().post('/api/competency-frameworks/import').set('Authorization', token);
    if (format) req.field('format', format);
    return req.attach('file', Buffer.from(content, 'utf8'), filename);
  };
  const frameworkRows = () => t.db.getRepository(CompetencyFrameworkVersion).count();
  const importAudits = () => t.db.getRepository(AuditEntry).countBy({ action: 'competency-framework.imported' });

  it('lists the seeded default framework and gives back the same framework when its export is imported', async () => {
    const { tokens } = await worldWithTokens(t);
    const list: FrameworkSummary[] = (await get(tokens.admin, '/api/competency-frameworks').expect(200)).body;
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: DEFAULT_FRAMEWORK_ID,
          key: 'ccc-core',
          version: 1,
          isDefault: true,
          competencyCount: 24,
        }),
      ]),
    );
    const one: FrameworkResponse = (
      await get(tokens.sup1, `/api/competency-frameworks/${DEFAULT_FRAMEWORK_ID}`).expect(200)
    ).body;
    expect(one.definition).toEqual(DEFAULT_FRAMEWORK);

    const before = await frameworkRows();
    for (const format of ['json', 'csv'] as const) {
      const exported = await get(
        tokens.admin,
        `/api/competency-frameworks/${DEFAULT_FRAMEWORK_ID}/export?format=${format}`,
      )
        .buffer(true)
        .expect(200);
      expect(exported.headers['content-disposition']).toBe(`attachment; filename="ccc-core-v1.${format}"`);
      const text = exported.text;
      const res = await upload(tokens.admin, text, `ccc-core-v1.${format}`).expect(201);
      const body: FrameworkImportResponse = res.body;
      expect(body).toMatchObject({
        created: false,
        cohortsMoved: 0,
        framework: { id: DEFAULT_FRAMEWORK_ID, version: 1 },
      });
      expect(body.framework.definition).toEqual(DEFAULT_FRAMEWORK);
    }
    expect(await frameworkRows()).toBe(before);
  });

  it('imports a new framework, which a cohort is then set to, and a new version moves the cohort along', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const framework = ownFramework();
    let res = await upload(tokens.admin, JSON.stringify(framework), 'mine.json').expect(201);
    const v1: FrameworkImportResponse = res.body;
    expect(v1).toMatchObject({
      created: true,
      cohortsMoved: 0,
      framework: { key: framework.key, version: 1, cohortCount: 0 },
    });

    const cohort = await t.db.getRepository(Cohort).findOneByOrFail({ id: world.cohort.id });
    await t
      .http()
      .put(`/api/cohorts/${world.cohort.id}/competency-framework`)
      .set('Authorization', tokens.sup1)
      .send({ frameworkId: v1.framework.id, version: cohort.version })
      .expect(403);
    await t
      .http()
      .put(`/api/cohorts/${world.cohort.id}/competency-framework`)
      .set('Authorization', tokens.admin)
      .send({ frameworkId: randomUUID(), version: cohort.version })
      .expect(400);
    res = await t
      .http()
      .put(`/api/cohorts/${world.cohort.id}/competency-framework`)
      .set('Authorization', tokens.admin)
      .send({ frameworkId: v1.framework.id, version: cohort.version })
      .expect(200);
    expect(res.body).toMatchObject({
      cohortId: world.cohort.id,
      framework: { id: v1.framework.id },
      version: cohort.version + 1,
    });
    const grid = (await get(tokens.cccA, `/api/enrolments/${world.enrolments.A}/competencies`).expect(200)).body;
    expect(grid.framework).toMatchObject({ key: framework.key, version: 1 });
    expect(grid.domains[0].competencies.map((c: { code: string }) => c.code)).toEqual(['X-1', 'X-2', 'X-3']);

    // Progress recorded against X-2: an import without X-2 is refused, and nothing changes.
    await postAs(t, tokens.cccA, `/api/enrolments/${world.enrolments.A}/competencies/X-2/start`, { version: 0 }).expect(
      200,
    );
    const rows = await frameworkRows();
    const audits = await importAudits();
    const without = ownFramework(['X-1', 'X-3']);
    res = await upload(tokens.admin, JSON.stringify({ ...without, key: framework.key }), 'mine.json').expect(409);
    expect(res.body.message).toMatch(/^Refused: progress is recorded against X-2 \(1 CCC\)/);
    expect(res.body.lostProgress).toEqual([{ code: 'X-2', enrolments: 1 }]);
    expect(await frameworkRows()).toBe(rows);
    expect(await importAudits()).toBe(audits);
    expect((await t.db.getRepository(Cohort).findOneByOrFail({ id: world.cohort.id })).competencyFrameworkId).toBe(
      v1.framework.id,
    );

    // Reworded, with a competency added: version 2, and the cohort moves to it with its progress.
    const reworded = ownFramework(['X-1', 'X-2', 'X-3', 'X-4']);
    reworded.key = framework.key;
    reworded.domains[0]!.competencies[1]!.title = 'Competency X-2, reworded';
    res = await upload(tokens.admin, JSON.stringify(reworded), 'mine.json').expect(201);
    expect(res.body).toMatchObject({ created: true, cohortsMoved: 1, framework: { version: 2, cohortCount: 1 } });
    const after = (await get(tokens.cccA, `/api/enrolments/${world.enrolments.A}/competencies/X-2`).expect(200)).body;
    expect(after).toMatchObject({
      framework: { version: 2 },
      competency: { title: 'Competency X-2, reworded' },
      progress: { state: 'working_towards' },
    });
    // Moving the cohort to a framework without X-2 is refused the same way.
    const cohortNow = await t.db.getRepository(Cohort).findOneByOrFail({ id: world.cohort.id });
    await t
      .http()
      .put(`/api/cohorts/${world.cohort.id}/competency-framework`)
      .set('Authorization', tokens.admin)
      .send({ frameworkId: DEFAULT_FRAMEWORK_ID, version: cohortNow.version })
      .expect(409);
  });

  it('refuses a CSV with a bad row, naming the row and column, and changes nothing', async () => {
    const { tokens } = await worldWithTokens(t);
    const framework = ownFramework();
    const good = (await upload(tokens.admin, frameworkToJson(framework), 'x.json').expect(201))
      .body as FrameworkImportResponse;
    const csv = (
      await get(tokens.admin, `/api/competency-frameworks/${good.framework.id}/export?format=csv`)
        .buffer(true)
        .expect(200)
    ).text;
    const lines = csv.trimEnd().split('\n');
    // Row 3 (the second competency) loses its title, row 4 gets a code with a space.
    lines[2] = lines[2]!.replace('Competency X-2', '');
    lines[3] = lines[3]!.replace(',X-3,', ',X 3,');
    lines.push(lines[1]!.replace(/,X-1,/, ',X-5,').replace('The only domain', 'Another title'));
    const rows = await frameworkRows();
    const audits = await importAudits();
    const res = await upload(tokens.admin, lines.join('\n'), 'broken.csv').expect(400);
    expect(res.body.problems).toEqual([
      expect.objectContaining({ at: 'row 5, column F (domain_title)', row: 5, column: 'domain_title' }),
    ]);
    const fixedDomain = lines.slice(0, 4).join('\n');
    const second = await upload(tokens.admin, fixedDomain, 'broken.csv').expect(400);
    expect(second.body.problems.map((p: { at: string }) => p.at)).toEqual([
      'row 3, column I (title)',
      'row 4, column H (code)',
    ]);
    expect(second.body.message).toMatch(/^The file was not imported: 2 problems, first at row 3, column I \(title\)/);
    expect(second.body.errors[1]).toEqual({
      field: 'row 4, column H (code)',
      reason: expect.stringContaining('must be letters'),
    });
    const json = await upload(tokens.admin, '{"key": "x",\n "name": ', 'x.json').expect(400);
    expect(json.body.problems[0].at).toBe('line 2, column 10');
    await upload(tokens.admin, 'not,a,framework\n1,2,3', 'x.txt').expect(400);
    const notUtf8 = await t
      .http()
      .post('/api/competency-frameworks/import')
      .set('Authorization', tokens.admin)
      .attach('file', Buffer.from([0x63, 0x6f, 0x64, 0x65, 0xff, 0xfe]), 'latin.csv')
      .expect(400);
    expect(notUtf8.body.problems[0].reason).toMatch(/^not UTF-8 text/);
    expect(await frameworkRows()).toBe(rows);
    expect(await importAudits()).toBe(audits);
  });

  it('lets only an administrator import, and administrators and Alliance supervisors read', async () => {
    const { tokens } = await worldWithTokens(t);
    const json = JSON.stringify(ownFramework());
    await upload(tokens.sup1, json, 'x.json').expect(403);
    await upload(tokens.cccA, json, 'x.json').expect(403);
    await get(tokens.pcn1, '/api/competency-frameworks').expect(403);
    await get(tokens.cccA, `/api/competency-frameworks/${DEFAULT_FRAMEWORK_ID}`).expect(403);
    await get(tokens.admin, `/api/competency-frameworks/${randomUUID()}`).expect(404);
    const tooBig = await upload(tokens.admin, ' '.repeat(1024 * 1024 + 1), 'x.json');
    expect(tooBig.status).toBe(413);
    await postAs(t, tokens.admin, '/api/competency-frameworks/import', {}).expect(400);
  });
});
