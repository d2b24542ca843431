import { randomUUID } from 'node:crypto';
import type { FrameworkImportResponse, FrameworkResponse, FrameworkSummary } from '@ccc/contracts';
import {
  addCalendarMonths,
  type CompetencyFramework,
  DEFAULT_FRAMEWORK,
  frameworkToJson,
  londonDate,
} from '@ccc/programme';
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

  it('pins a running cohort to its framework version: an import leaves it, an administrator moves it after a dry run listing what changes, and signed-off competencies keep their wording', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const framework = ownFramework();
    let res = await upload(tokens.admin, JSON.stringify(framework), 'mine.json').expect(201);
    const v1: FrameworkImportResponse = res.body;
    expect(v1).toMatchObject({
      created: true,
      cohortsMoved: 0,
      framework: { key: framework.key, version: 1, cohortCount: 0 },
    });

    const cohortId = world.cohort.id;
    const cohortVersion = async () => (await t.db.getRepository(Cohort).findOneByOrFail({ id: cohortId })).version;
    const frameworkOf = async () =>
      (await t.db.getRepository(Cohort).findOneByOrFail({ id: cohortId })).competencyFrameworkId;
    const put = (token: string, body: object) =>
      t.http().put(`/api/cohorts/${cohortId}/competency-framework`).set('Authorization', token).send(body);
    const move = (token: string, body: object) =>
      postAs(t, token, `/api/cohorts/${cohortId}/competency-framework/move`, body);
    await put(tokens.sup1, { frameworkId: v1.framework.id, version: await cohortVersion() }).expect(403);
    await put(tokens.admin, { frameworkId: randomUUID(), version: await cohortVersion() }).expect(400);
    // The cohort is running: setting its framework silently is refused, pointing to the move.
    res = await put(tokens.admin, { frameworkId: v1.framework.id, version: await cohortVersion() }).expect(409);
    expect(res.body.message).toContain('competency-framework/move');
    expect(await frameworkOf()).toBe(DEFAULT_FRAMEWORK_ID);

    await move(tokens.sup1, { frameworkId: v1.framework.id, version: await cohortVersion(), dryRun: true }).expect(403);
    await move(tokens.admin, { frameworkId: randomUUID(), version: await cohortVersion(), dryRun: true }).expect(400);
    await move(tokens.admin, { frameworkId: v1.framework.id, version: 999, dryRun: true }).expect(409);
    // A dry run lists what changes and moves nothing.
    const before = await cohortVersion();
    res = await move(tokens.admin, { frameworkId: v1.framework.id, version: before, dryRun: true }).expect(200);
    expect(res.body).toMatchObject({
      cohortId,
      dryRun: true,
      moved: false,
      from: { id: DEFAULT_FRAMEWORK_ID },
      to: { id: v1.framework.id },
      version: before,
    });
    expect(res.body.changes.added.map((c: { code: string }) => c.code)).toEqual(['X-1', 'X-2', 'X-3']);
    expect(res.body.changes.removed.length).toBeGreaterThan(0);
    expect(await frameworkOf()).toBe(DEFAULT_FRAMEWORK_ID);
    res = await move(tokens.admin, { frameworkId: v1.framework.id, version: before }).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, moved: true, to: { id: v1.framework.id }, version: before + 1 });
    expect(await frameworkOf()).toBe(v1.framework.id);
    const grid = (await get(tokens.cccA, `/api/enrolments/${world.enrolments.A}/competencies`).expect(200)).body;
    expect(grid.framework).toMatchObject({ key: framework.key, version: 1 });
    expect(grid.domains[0].competencies.map((c: { code: string }) => c.code)).toEqual(['X-1', 'X-2', 'X-3']);

    // X-1 signed off against its version-1 wording; X-2 worked towards.
    const base = (code: string) => `/api/enrolments/${world.enrolments.A}/competencies/${code}`;
    await postAs(t, tokens.cccA, `${base('X-1')}/start`, { version: 0 }).expect(200);
    res = await postAs(t, tokens.cccA, `${base('X-1')}/evidence`, {
      kind: 'reflection',
      text: 'I ran the practice list through the new search and followed up each patient.',
    }).expect(201);
    await postAs(t, tokens.sup1, `${base('X-1')}/sign-off`, {
      rating: 2,
      comment: 'Done well.',
      version: res.body.progress.version,
    }).expect(200);
    await postAs(t, tokens.cccA, `${base('X-2')}/start`, { version: 0 }).expect(200);

    // Version 2 rewords X-1, leaves out X-2 and adds X-4: imported, and the running cohort stays on version 1.
    const v2 = ownFramework(['X-1', 'X-3', 'X-4']);
    v2.key = framework.key;
    v2.domains[0]!.competencies[0]!.title = 'Competency X-1, reworded';
    res = await upload(tokens.admin, JSON.stringify(v2), 'mine.json').expect(201);
    expect(res.body).toMatchObject({ created: true, cohortsMoved: 0, framework: { version: 2, cohortCount: 0 } });
    const v2Id: string = res.body.framework.id;
    expect(await frameworkOf()).toBe(v1.framework.id);
    res = await move(tokens.admin, { frameworkId: v2Id, version: await cohortVersion(), dryRun: true }).expect(200);
    expect(res.body.changes).toEqual({
      added: [{ code: 'X-4', title: 'Competency X-4' }],
      removed: [{ code: 'X-2', title: 'Competency X-2', recordedFor: 1 }],
      reworded: [
        {
          code: 'X-1',
          from: { title: 'Competency X-1', description: 'What it is' },
          to: { title: 'Competency X-1, reworded', description: 'What it is' },
          signedOffFor: 1,
        },
      ],
      unchanged: 1,
    });
    // Moving would orphan X-2's progress: refused, and nothing changes.
    const movesBefore = await t.db.getRepository(AuditEntry).countBy({ action: 'cohort.competency-framework-moved' });
    res = await move(tokens.admin, { frameworkId: v2Id, version: await cohortVersion() }).expect(409);
    expect(res.body.lostProgress).toEqual([{ code: 'X-2', enrolments: 1 }]);
    expect(await frameworkOf()).toBe(v1.framework.id);

    // Version 3 keeps X-2 and rewords: moved explicitly, X-1 keeps the words signed.
    const v3 = ownFramework(['X-1', 'X-2', 'X-3', 'X-4']);
    v3.key = framework.key;
    v3.domains[0]!.competencies[0]!.title = 'Competency X-1, reworded';
    v3.domains[0]!.competencies[1]!.title = 'Competency X-2, reworded';
    res = await upload(tokens.admin, JSON.stringify(v3), 'mine.json').expect(201);
    expect(res.body).toMatchObject({ cohortsMoved: 0, framework: { version: 3 } });
    const v3Id: string = res.body.framework.id;
    res = await move(tokens.admin, { frameworkId: v3Id, version: await cohortVersion() }).expect(200);
    expect(res.body).toMatchObject({ moved: true, to: { version: 3 } });
    expect(await t.db.getRepository(AuditEntry).countBy({ action: 'cohort.competency-framework-moved' })).toBe(
      movesBefore + 1,
    );
    const x1 = (await get(tokens.cccA, base('X-1')).expect(200)).body;
    expect(x1).toMatchObject({
      framework: { version: 3 },
      competency: {
        title: 'Competency X-1',
        frameworkWording: { title: 'Competency X-1, reworded', description: 'What it is' },
      },
      progress: { state: 'signed_off' },
    });
    const x2 = (await get(tokens.cccA, base('X-2')).expect(200)).body;
    expect(x2).toMatchObject({
      competency: { title: 'Competency X-2, reworded' },
      progress: { state: 'working_towards' },
    });
    expect(x2.competency.frameworkWording).toBeUndefined();
    const cells = (await get(tokens.cccA, `/api/enrolments/${world.enrolments.A}/competencies`).expect(200)).body
      .domains[0].competencies as { code: string; title: string; frameworkWording?: { title: string } }[];
    expect(cells.find((c) => c.code === 'X-1')).toMatchObject({
      title: 'Competency X-1',
      frameworkWording: { title: 'Competency X-1, reworded' },
    });

    // A cohort that has not started yet is set freely and moves along with the next import.
    const next = await postAs(t, tokens.admin, '/api/cohorts', {
      name: `Next cohort ${randomUUID().slice(0, 8)}`,
      templateId: world.template.id,
      startDate: addCalendarMonths(londonDate(new Date()), 1),
      supervisorIds: [world.people.supervisor1.id],
    }).expect(201);
    await t
      .http()
      .put(`/api/cohorts/${next.body.id}/competency-framework`)
      .set('Authorization', tokens.admin)
      .send({ frameworkId: v3Id, version: next.body.version })
      .expect(200);
    const v4 = structuredClone(v3);
    v4.domains[0]!.competencies[2]!.title = 'Competency X-3, reworded';
    res = await upload(tokens.admin, JSON.stringify(v4), 'mine.json').expect(201);
    expect(res.body).toMatchObject({ cohortsMoved: 1, framework: { version: 4 } });
    const nextRow = await t.db.getRepository(Cohort).findOneByOrFail({ id: next.body.id });
    expect(nextRow.competencyFrameworkId).toBe(res.body.framework.id);
    expect(await frameworkOf()).toBe(v3Id);
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
    const lines = csv.trimEnd().split('\r\n');
    // Row 3 (the second competency) loses its title, row 4 gets a code with a space.
    lines[2] = lines[2]!.replace('Competency X-2', '');
    lines[3] = lines[3]!.replace(',X-3,', ',X 3,');
    lines.push(lines[1]!.replace(/,X-1,/, ',X-5,').replace('The only domain', 'Another title'));
    const rows = await frameworkRows();
    const audits = await importAudits();
    const res = await upload(tokens.admin, lines.join('\r\n'), 'broken.csv').expect(400);
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
