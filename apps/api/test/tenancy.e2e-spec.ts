import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { CompetencyEvidence } from '../src/competencies/competency-evidence.entity';
import { DEFAULT_FRAMEWORK_ID } from '../src/competencies/competency-framework.entity';
import { EvidenceFile } from '../src/competencies/evidence-file.entity';
import { TrainingPlanItem } from '../src/competencies/training-plan-item.entity';
import { Notification } from '../src/notifications/notification.entity';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { RoleAssignment } from '../src/people/role-assignment.entity';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { binary } from './support/binary';
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
  // Single sign-on: the sign-in page's buttons, and the redirects to and from a provider (nobody is signed in yet).
  'get /api/auth/oidc/providers',
  'get /api/auth/oidc/{slug}/start',
  'get /api/auth/oidc/callback',
]);

interface Ids {
  alliance: string;
  pcn: string;
  cohort: string;
  enrolment: string;
  session: string;
  release: string;
  evidenceFile: string;
  evidence: string;
  agreedAction: string;
  planItem: string;
  framework: string;
  template: string;
  person: string;
  notification: string;
  workforceAttendee: string;
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
    const [agreedAction] = await t.db.query(
      `INSERT INTO agreed_action (session_id, description, owner, due_date) VALUES ($1, 'Follow up', 'ccc', '2099-01-01') RETURNING id`,
      [session],
    );
    // Someone of the wider workforce on the cohort's conference (issue #16, item 6).
    const [attendee] = await t.db.query(
      `INSERT INTO workforce_attendee (session_id, full_name, role, organisation, email)
       SELECT id, 'Wider Workforce', 'social_prescriber', 'A surgery', $2 FROM session
        WHERE cohort_id = $1 AND plan_item_key = 'm6-conference' AND enrolment_id IS NULL RETURNING id`,
      [world.cohort.id, `wider.${randomUUID().slice(0, 8)}@example.org`],
    );
    return {
      workforceAttendee: attendee.id,
      agreedAction: agreedAction.id,
      alliance: world.alliance.id,
      pcn: world.pcn1.id,
      cohort: world.cohort.id,
      enrolment: world.enrolments.A,
      session,
      release: (await t.db.getRepository(ReleaseRequest).findOneByOrFail({ enrolmentId: world.enrolments.A })).id,
      evidenceFile: (await t.db.getRepository(EvidenceFile).findOneByOrFail({ uploadedById: world.people.cccA.id })).id,
      evidence: (await t.db.getRepository(CompetencyEvidence).findOneByOrFail({ submittedById: world.people.cccA.id }))
        .id,
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
    // The trail's record of the first Alliance's refused attempts names the ids they tried, and the mover's own
    // sign-ins name the Alliance they may act in: their doings, not a change to the second Alliance.
    const rowsOf = (table: string) =>
      table === 'audit_entry'
        ? `(SELECT * FROM audit_entry
             WHERE action NOT IN ('access.refused', 'audit.events_suppressed') AND action NOT LIKE 'auth%')`
        : `"${table}"`;
    for (const { table_name } of tables) {
      const [row] = await t.db.query(
        `SELECT count(*) || ':' || coalesce(md5(string_agg(x.r, '|' ORDER BY x.r)), '') AS f
           FROM (SELECT t::text AS r FROM ${rowsOf(table_name)} t) x WHERE x.r ~ $1`,
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
      attendeeId: bIds.workforceAttendee,
      pcnId: bIds.pcn,
      supervisorId: b.people.supervisor1.id,
      evidenceId: bIds.evidence,
      // A filter naming the other Alliance's CCC (the sign-offs page) finds nothing of theirs.
      ccc: bIds.person,
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
      organisations: bIds.pcn,
      'agreed-actions': bIds.agreedAction,
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
          // Another Alliance's record is as unknown as a missing one (404), never "exists but not yours" (403);
          // a 403 is right only where the caller's role may not use the route at all.
          if (namesB && res.status === 403 && res.body?.message !== 'Your role does not allow this')
            problems.push(`${who}: ${route} → 403 "${res.body?.message}" on the second Alliance's record`);
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

  it('an invitation says nothing of an e-mail known elsewhere, and gives a role only once the person accepts it', async () => {
    const admin = await tokenFor(t, a.people.admin);
    const invite = (email: string, fullName: string) =>
      postAs(t, admin, '/api/people/invitations', {
        email,
        fullName,
        role: 'alliance_supervisor',
        organisationId: a.alliance.id,
      });
    // A person of the other Alliance, and an address nobody has: the same answer, nothing of the real person.
    const known = await invite(b.people.supervisor2.email, 'Whatever they typed').expect(201);
    const unknownEmail = `nobody.${randomUUID().slice(0, 8)}@example.org`;
    const unknown = await invite(unknownEmail, 'Someone new').expect(201);
    const shape = (body: { person: { id: string; email: string; fullName: string }; expiresAt: string | null }) => ({
      keys: Object.keys(body).sort(),
      personKeys: Object.keys(body.person).sort(),
      expires: typeof body.expiresAt,
    });
    expect(shape(known.body)).toEqual(shape(unknown.body));
    expect(known.body.person).toEqual({
      id: expect.any(String),
      email: b.people.supervisor2.email,
      fullName: 'Whatever they typed',
    });
    expect(known.body.person.id).not.toBe(b.people.supervisor2.id);
    expect(known.text).not.toContain(b.people.supervisor2.fullName);
    // Inviting either again answers alike too.
    const again = [
      (await invite(b.people.supervisor2.email, 'Again')).status,
      (await invite(unknownEmail, 'Again')).status,
    ];
    expect(again[0]).toBe(again[1]);

    // Invite, then export: the administrator's export of that id finds nobody (404), as for any unknown id.
    await t
      .http()
      .get(`/api/people/${known.body.person.id}/subject-access-export`)
      .set('Authorization', admin)
      .expect(404);
    await t
      .http()
      .get(`/api/people/${b.people.supervisor2.id}/subject-access-export`)
      .set('Authorization', admin)
      .expect(404);
    // No role is attached before they accept.
    const person = await tokenFor(t, b.people.supervisor2);
    let me = await t.http().get('/api/me').set('Authorization', person).expect(200);
    expect(me.body.alliances).toHaveLength(1);

    // The person, signed in, accepts from the e-mailed link; nobody else can use it.
    const [mail] = await t.db.getRepository(OutboxMessage).find({
      where: { toEmail: b.people.supervisor2.email },
      order: { createdAt: 'DESC' },
      take: 1,
    });
    const token = /\/accept-role\/([A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
    const intruder = await tokenFor(t, a.people.supervisor1);
    await t.http().get(`/api/role-offers/${token}`).set('Authorization', intruder).expect(404);
    await postAs(t, intruder, `/api/role-offers/${token}/accept`, {}).expect(404);
    const offer = await t.http().get(`/api/role-offers/${token}`).set('Authorization', person).expect(200);
    expect(offer.body).toMatchObject({ role: 'alliance_supervisor', allianceId: a.alliance.id });
    await postAs(t, person, `/api/role-offers/${token}/accept`, {}).expect(204);
    await postAs(t, person, `/api/role-offers/${token}/accept`, {}).expect(410);
    me = await t.http().get('/api/me').set('Authorization', person).expect(200);
    expect(me.body.alliances).toHaveLength(2);

    // Now of this Alliance, their export by its administrator holds only this Alliance's part.
    const exported = await t
      .http()
      .get(`/api/people/${b.people.supervisor2.id}/subject-access-export`)
      .set('Authorization', admin)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const zip = await JSZip.loadAsync(exported.body as Buffer);
    const json = await zip.file('subject-access.json')!.async('string');
    const own = [b.people.supervisor2.id, b.people.supervisor2.email, b.people.supervisor2.fullName];
    const found = leaked(json).filter((s) => !own.includes(s));
    expect(found).toEqual([]);
    expect(JSON.parse(json).roleAssignments).toHaveLength(1);

    // Another Alliance's PCN is not the administrator's to use.
    const foreign = await postAs(t, admin, '/api/people/invitations', {
      email: `someone.${randomUUID().slice(0, 8)}@example.org`,
      fullName: 'Someone',
      role: 'ccc',
      organisationId: b.pcn1.id,
    }).expect(400);
    expect(foreign.body.errors[0].field).toBe('organisationId');
  });

  it('a bulk import names no PCN of the second Alliance, and says nothing of its people', async () => {
    const admin = await tokenFor(t, a.people.admin);
    const fingerprint = await fingerprintOfB();
    const tag = randomUUID().slice(0, 8);
    const file = Buffer.from(
      [
        'full_name,email,role,pcn,employment_start',
        `Their Ccc,${b.people.cccC.email},ccc,${a.pcn1.name},2026-01-05`,
        `Someone ${tag},someone.${tag}@example.org,ccc,${a.pcn1.name},2026-01-05`,
        `In Their PCN,in.${tag}@example.org,pcn_supervisor,${b.pcn1.name},`,
      ].join('\n'),
    );
    for (const path of ['/api/people/imports/dry-run', '/api/people/imports']) {
      const res = await t.http().post(path).set('Authorization', admin).attach('file', file, 'people.csv');
      // Only what the administrator typed comes back: nothing else of the other Alliance's person or PCN.
      const typed = [b.people.cccC.email, b.pcn1.name];
      expect(leaked(res.text).filter((s) => !typed.includes(s))).toEqual([]);
      expect(res.text).not.toContain(b.people.cccC.fullName);
      if (path.endsWith('dry-run')) {
        // The other Alliance's CCC is an invitation like an unknown address; their PCN is unknown here.
        expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['invite', 'invite', 'error']);
        expect(res.body.problems).toEqual([{ row: 4, column: 'pcn', reason: 'no PCN of this name in your Alliance' }]);
      } else expect(res.body.errors).toEqual([{ field: 'row 4, pcn', reason: 'no PCN of this name in your Alliance' }]);
    }
    expect(await fingerprintOfB()).toBe(fingerprint);
  });
});
