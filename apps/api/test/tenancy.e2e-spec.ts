import { randomUUID } from 'node:crypto';
import { DEFAULT_FRAMEWORK_ID } from '../src/competencies/competency-framework.entity';
import { EvidenceFile } from '../src/competencies/evidence-file.entity';
import { TrainingPlanItem } from '../src/competencies/training-plan-item.entity';
import { Notification } from '../src/notifications/notification.entity';
import { RoleAssignment } from '../src/people/role-assignment.entity';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { PDF_BYTES } from './support/competencies';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createPerson, createWorld, postAs, tokenFor, type World, type WorldPerson } from './support/world';
import { exampleFor, writeExamples } from './support/write-examples';

/**
 * Tenancy: two Alliances with the same shapes of data, and every endpoint of the OpenAPI document called by each
 * role of the first with the second's ids (path, query and body). No answer may carry the second Alliance's rows,
 * no call may succeed on them, and none may change them.
 */

/** Open by design, with no personal data: an Alliance's privacy notice is public. Credential routes take a token. */
const PUBLIC = new Set([
  'get /api/privacy-notices',
  'get /api/privacy-notices/{allianceId}',
  'get /api/health',
  'get /api/health/ready',
]);

interface Ids {
  alliance: string;
  pcn: string;
  cohort: string;
  enrolment: string;
  session: string;
  release: string;
  evidenceFile: string;
  planItem: string;
  framework: string;
  template: string;
  person: string;
  notification: string;
}

describe('tenancy: no endpoint reaches another Alliance', () => {
  let t: TestApp;
  let a: World;
  let b: World;
  let bIds: Ids;
  let mover: WorldPerson;
  let national: WorldPerson;
  let doc: {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: {
            name: string;
            in: string;
            required?: boolean;
            schema?: { format?: string; enum?: string[]; type?: string };
          }[];
        }
      >
    >;
  };

  /** The same shapes of data in an Alliance, made through the API by its own people. */
  async function populate(world: World): Promise<Ids> {
    const token = (p: WorldPerson) => tokenFor(t, p);
    const [admin, sup1, ccc] = [
      await token(world.people.admin),
      await token(world.people.supervisor1),
      await token(world.people.cccA),
    ];
    const session = (await sessionOf(t, sup1, world.enrolments.A, 'm3-individual')).id;
    await postAs(t, sup1, `/api/sessions/${session}/book`, {
      startsAt: inMonth(world, 3, 4),
      durationMinutes: 45,
      ...virtual,
      version: 1,
    }).expect(200);
    await postAs(t, ccc, `/api/enrolments/${world.enrolments.A}/release-requests`, {
      kind: 'study',
      date: world.startDate,
      minutes: 60,
      description: 'Reading',
    }).expect(201);
    await t
      .http()
      .post(`/api/enrolments/${world.enrolments.A}/competencies/SCR-01/evidence/file`)
      .set('Authorization', ccc)
      .field('text', 'Uptake by practice')
      .attach('file', PDF_BYTES, { filename: 'uptake.pdf', contentType: 'application/pdf' })
      .expect(201);
    await postAs(t, ccc, `/api/enrolments/${world.enrolments.A}/training-plan-items`, {
      kind: 'free',
      title: 'Shadowing',
      targetMonth: 2,
      competencyCodes: [],
    }).expect(201);
    // The Alliance's own competency framework: the built-in one renamed, imported by its administrator.
    const exported = await t
      .http()
      .get(`/api/competency-frameworks/${DEFAULT_FRAMEWORK_ID}/export`)
      .set('Authorization', admin)
      .expect(200);
    const definition = { ...JSON.parse(exported.text), name: `Framework of ${world.alliance.name}` };
    const imported = await t
      .http()
      .post('/api/competency-frameworks/import')
      .set('Authorization', admin)
      .attach('file', Buffer.from(JSON.stringify(definition)), 'framework.json')
      .expect(201);
    const notification = await t.db.getRepository(Notification).save({
      personId: world.people.cccA.id,
      kind: 'session_tomorrow',
      subjectType: 'session',
      subjectId: session,
      occasion: randomUUID(),
      title: 'Your session is tomorrow',
      body: 'Individual supervision',
      link: null,
    } as Partial<Notification>);
    return {
      alliance: world.alliance.id,
      pcn: world.pcn1.id,
      cohort: world.cohort.id,
      enrolment: world.enrolments.A,
      session,
      release: (await t.db.getRepository(ReleaseRequest).findOneByOrFail({ enrolmentId: world.enrolments.A })).id,
      evidenceFile: (await t.db.getRepository(EvidenceFile).findOneByOrFail({ uploadedById: world.people.cccA.id })).id,
      planItem: (await t.db.getRepository(TrainingPlanItem).findOneByOrFail({ enrolmentId: world.enrolments.A })).id,
      framework: imported.body.framework.id,
      template: world.template.id,
      person: world.people.cccA.id,
      notification: notification.id,
    };
  }

  /** Every uuid in the database now: the ids of every row of every table. */
  async function allIds(): Promise<Set<string>> {
    const tables: { table_name: string }[] = await t.db.query(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
    );
    const ids = new Set<string>();
    for (const { table_name } of tables) {
      const rows: { id: string }[] = await t.db.query(`SELECT id FROM "${table_name}"`);
      for (const row of rows) ids.add(row.id);
    }
    return ids;
  }

  /** Words that would betray the second Alliance: its row ids, and its people's e-mails and names. */
  let secrets: string[] = [];
  const leaked = (text: string) => secrets.filter((s) => text.includes(s));

  /** A fingerprint of every row, in any table, that mentions one of the second Alliance's ids. */
  async function fingerprintOfB(): Promise<string> {
    const tables: { table_name: string }[] = await t.db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('rate_limit_counter', 'migrations')`,
    );
    const pattern = secrets.filter((s) => /^[0-9a-f-]{36}$/.test(s)).join('|');
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const [row] = await t.db.query(
        `SELECT count(*) || ':' || coalesce(md5(string_agg(x.r, '|' ORDER BY x.r)), '') AS f
           FROM (SELECT t::text AS r FROM "${table_name}" t) x WHERE x.r ~ $1`,
        [pattern],
      );
      parts.push(`${table_name}=${row.f}`);
    }
    return parts.join('\n');
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await createWorld(t);
    await populate(a);
    const before = await allIds();
    b = await createWorld(t);
    bIds = await populate(b);
    secrets = [...(await allIds())].filter((id) => !before.has(id));
    for (const person of Object.values(b.people)) secrets.push(person.email, person.fullName);
    secrets.push(b.alliance.name, b.pcn1.name, b.pcn2.name, b.cohort.name);
    // A supervisor who moved: roles in both Alliances, acting in the first.
    mover = await createPerson(t.db, 'Mover', 'alliance_supervisor', a.alliance.id);
    // In the second Alliance they supervise CCC A (evidence waiting, sessions booked) as Alliance and PCN supervisor
    // and help run its cohort: everything a personal query ("my caseload", "my inbox") could wrongly reach.
    await t.db.getRepository(RoleAssignment).insert([
      { personId: mover.id, role: 'alliance_supervisor', organisationId: b.alliance.id },
      { personId: mover.id, role: 'pcn_supervisor', organisationId: b.pcn1.id },
    ]);
    await t.db.query(`UPDATE enrolment SET alliance_supervisor_id = $1, pcn_supervisor_id = $1 WHERE id = $2`, [
      mover.id,
      b.enrolments.A,
    ]);
    await t.db.query(`INSERT INTO cohort_supervisor (cohort_id, person_id) VALUES ($1, $2)`, [b.cohort.id, mover.id]);
    const nation = await t.db.query(`INSERT INTO organisation (kind, name) VALUES ('nation', $1) RETURNING id`, [
      `NHS England ${randomUUID().slice(0, 8)}`,
    ]);
    national = await createPerson(t.db, 'National Viewer', 'national_viewer', nation[0].id);
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
  }, 120_000);
  afterAll(() => t.close());

  /** The second Alliance's id for a parameter, by its name and the path segment before it. */
  function idFor(name: string, path: string): string {
    const before = path.split(`/{${name}}`)[0]!.split('/').pop()!;
    const byName: Record<string, string> = {
      cohortId: bIds.cohort,
      enrolmentId: bIds.enrolment,
      personId: bIds.person,
      allianceId: bIds.alliance,
      frameworkId: bIds.framework,
      templateId: bIds.template,
      sessionId: bIds.session,
      pcnId: bIds.pcn,
      supervisorId: b.people.supervisor1.id,
    };
    if (byName[name]) return byName[name]!;
    const bySegment: Record<string, string> = {
      cohorts: bIds.cohort,
      enrolments: bIds.enrolment,
      sessions: bIds.session,
      'release-requests': bIds.release,
      'evidence-files': bIds.evidenceFile,
      'training-plan-items': bIds.planItem,
      'competency-frameworks': bIds.framework,
      templates: bIds.template,
      people: bIds.person,
      notifications: bIds.notification,
    };
    if (name === 'id' && bySegment[before]) return bySegment[before]!;
    const other: Record<string, string> = { code: 'SCR-01', round: '1', key: 'tenancy-draft', format: 'csv' };
    if (other[name]) return other[name]!;
    // Credentials (answer links, invitations, calendar feeds): a token nobody holds.
    if (['token', 'file'].includes(name)) return `${'x'.repeat(43)}`;
    throw new Error(`No id of the second Alliance for {${name}} in ${path}: add it to idFor`);
  }

  function urlFor(
    path: string,
    parameters: { name: string; in: string; required?: boolean; schema?: { format?: string; enum?: string[] } }[],
  ) {
    let url = path.replace(/\{([^}]+)\}/g, (_m, name: string) => idFor(name, path));
    const query = parameters
      .filter((p) => p.in === 'query')
      .map((p) => {
        if (p.schema?.format === 'uuid' || /Id$/.test(p.name)) return `${p.name}=${idFor(p.name, path)}`;
        if (p.schema?.enum?.length) return `${p.name}=${p.schema.enum[0]}`;
        return p.required ? `${p.name}=1` : null;
      })
      .filter(Boolean);
    if (query.length) url += `?${query.join('&')}`;
    return url;
  }

  it('answers every endpoint, as every role of the first Alliance, without the second Alliance’s rows', async () => {
    const fingerprint = await fingerprintOfB();
    const callers: [string, WorldPerson][] = [
      ['admin', a.people.admin],
      ['supervisor1', a.people.supervisor1],
      ['supervisor2', a.people.supervisor2],
      ['pcnSupervisor1', a.people.pcnSupervisor1],
      ['cccA', a.people.cccA],
      ['mover acting in the first Alliance', mover],
      ['national viewer', national],
    ];
    const examplesOfB = writeExamples(b);
    const problems: string[] = [];
    let calls = 0;
    let answeredWithData = 0;
    for (const [who, person] of callers) {
      let token = await tokenFor(t, person);
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          const route = `${method} ${path}`;
          if (PUBLIC.has(route)) continue;
          const url = urlFor(path, operation.parameters ?? []);
          const request = t
            .http()
            [method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
            .set('Authorization', token);
          const res = method === 'get' ? await request : await request.send(exampleFor(examplesOfB, path));
          calls++;
          // Signing out with the access token ends its session: sign in again for the routes after it.
          if (route === 'post /api/auth/logout') token = await tokenFor(t, person);
          const text = res.text ?? JSON.stringify(res.body ?? '');
          // The mover's own account names the other Alliance they hold a role in, as it should; the national view
          // names every Alliance beside its anonymised figures. Neither may show anything else of it.
          const namesAlliance =
            (who.startsWith('mover') && route === 'get /api/me') ||
            (who === 'national viewer' && path.startsWith('/api/national'));
          const own = namesAlliance ? [b.alliance.id, b.alliance.name] : [];
          const found = leaked(text).filter((s) => !own.includes(s));
          if (found.length) problems.push(`${who}: ${route} → ${res.status} shows ${found.slice(0, 3).join(', ')}`);
          if (res.status >= 500) problems.push(`${who}: ${route} → ${res.status}`);
          // A success is fine only where nothing of the second Alliance was named: lists, one's own things.
          const namesB = /\{[^}]+\}/.test(path) && !/\{(key|code|round)\}$/.test(path);
          if (namesB && res.status < 300 && !['token', 'file'].some((n) => path.includes(`{${n}}`)))
            problems.push(`${who}: ${route} → ${res.status} on the second Alliance's record`);
          if (res.status === 200 && text.length > 2) answeredWithData++;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await fingerprintOfB()).toBe(fingerprint);
    // Not vacuous: every route was called by every caller, and many answered with data of their own.
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(100);
    expect(calls).toBe(callers.length * routes.filter((r) => !PUBLIC.has(r)).length);
    expect(answeredWithData).toBeGreaterThan(50);
  }, 600_000);

  it('the detector would see a leak: the mover, switched to the second Alliance, sees its people', async () => {
    const token = await tokenFor(t, mover);
    const me = await t.http().get('/api/me').set('Authorization', token).expect(200);
    expect(me.body.allianceId).toBe(a.alliance.id);
    expect(me.body.alliances.map((x: { id: string }) => x.id).sort()).toEqual([a.alliance.id, b.alliance.id].sort());
    const inA = await t.http().get('/api/people').set('Authorization', token).expect(200);
    expect(leaked(inA.text)).toEqual([]);
    expect(inA.text).toContain(a.people.cccA.id);

    const switched = await postAs(t, token, '/api/me/alliance', { allianceId: b.alliance.id }).expect(200);
    expect(switched.body.allianceId).toBe(b.alliance.id);
    const inB = await t.http().get('/api/people').set('Authorization', token).expect(200);
    expect(leaked(inB.text)).toContain(b.people.cccA.id);
    expect(inB.text).not.toContain(a.people.cccA.id);
    const templates = await t.http().get('/api/templates').set('Authorization', token).expect(200);
    expect(templates.body.map((x: { id: string }) => x.id)).toEqual([b.template.id]);

    // Back, and an Alliance they hold no role in is refused.
    await postAs(t, token, '/api/me/alliance', { allianceId: a.alliance.id }).expect(200);
    await postAs(t, token, '/api/me/alliance', { allianceId: randomUUID() }).expect(403);
    await postAs(t, token, '/api/me/alliance', { allianceId: 'nope' }).expect(400);
    expect((await t.http().get('/api/me').set('Authorization', token).expect(200)).body.allianceId).toBe(a.alliance.id);
  });

  it('an administrator invites a person of another Alliance by e-mail: a role here, their password kept', async () => {
    const admin = await tokenFor(t, a.people.admin);
    const res = await postAs(t, admin, '/api/people/invitations', {
      email: b.people.supervisor2.email,
      fullName: 'Whatever they typed',
      role: 'alliance_supervisor',
      organisationId: a.alliance.id,
    }).expect(201);
    expect(res.body.expiresAt).toBeNull();
    expect(res.body.person.id).toBe(b.people.supervisor2.id);
    // They sign in as before and may now act in either Alliance.
    const token = await tokenFor(t, b.people.supervisor2);
    const me = await t.http().get('/api/me').set('Authorization', token).expect(200);
    expect(me.body.alliances).toHaveLength(2);
    // Twice in one Alliance is a conflict; another Alliance's PCN is not the administrator's to use.
    await postAs(t, admin, '/api/people/invitations', {
      email: b.people.supervisor2.email,
      fullName: 'Again',
      role: 'admin',
      organisationId: a.alliance.id,
    }).expect(409);
    const foreign = await postAs(t, admin, '/api/people/invitations', {
      email: `someone.${randomUUID().slice(0, 8)}@example.org`,
      fullName: 'Someone',
      role: 'ccc',
      organisationId: b.pcn1.id,
    }).expect(400);
    expect(foreign.body.errors[0].field).toBe('organisationId');
  });
});
