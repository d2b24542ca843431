import { randomUUID } from 'node:crypto';
import { addCalendarMonths, DEFAULT_TEMPLATE, londonDate, RELEASE_WITHDRAWN_REASON } from '@ccc/programme';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { WITHDRAWN_MESSAGE } from '../src/enrolments/enrolment-lock';
import { ProgrammeTemplateVersion } from '../src/programmes/programme-template.entity';
import { inMonth, sessionOf, view, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, PASSWORD, postAs, tokenFor, type World } from './support/world';

describe('programme administration: cohorts, invitations, template versions, withdrawal', () => {
  let t: TestApp;
  let world: World;
  let admin: string;
  let sup1: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
    sup1 = await tokenFor(t, world.people.supervisor1);
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);

  it('creates a cohort from a template version and enrols into it, refusing an ineligible CCC with the reason', async () => {
    const startDate = addCalendarMonths(londonDate(new Date()), 1);
    let res = await post(admin, '/api/cohorts', {
      name: 'Wessex CCC cohort, next month',
      templateId: randomUUID(),
      startDate,
      supervisorIds: [world.people.pcnSupervisor1.id],
    }).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'templateId', reason: 'no template version of your Alliance has this id' },
    ]);
    res = await post(admin, '/api/cohorts', {
      name: 'Wessex CCC cohort, next month',
      templateId: world.template.id,
      startDate,
      supervisorIds: [world.people.pcnSupervisor1.id],
    }).expect(400);
    expect(res.body.errors[0].field).toBe('supervisorIds');
    await post(sup1, '/api/cohorts', { name: 'x', templateId: world.template.id, startDate, supervisorIds: [] }).expect(
      403,
    );

    res = await post(admin, '/api/cohorts', {
      name: '  Wessex CCC cohort, next month ',
      templateId: world.template.id,
      startDate,
      supervisorIds: [world.people.supervisor1.id],
    }).expect(201);
    expect(res.body).toMatchObject({
      name: 'Wessex CCC cohort, next month',
      startDate,
      template: { id: world.template.id, version: 1 },
      allianceSupervisors: [{ id: world.people.supervisor1.id }],
      enrolments: { total: 0 },
    });
    const cohortId = res.body.id;
    // The Alliance supervisor who runs it sees it and enrols into it.
    await t.http().get(`/api/cohorts/${cohortId}`).set('Authorization', sup1).expect(200);
    const refused = await post(sup1, `/api/cohorts/${cohortId}/enrolments`, {
      cccId: world.people.cccUnenrolled.id,
      pcnId: world.pcn2.id,
      track: 'supervision',
      employmentStart: addCalendarMonths(startDate, -12),
    }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'track', reason: expect.stringContaining('4 months') }]);
    await post(sup1, `/api/cohorts/${cohortId}/enrolments`, {
      cccId: world.people.cccUnenrolled.id,
      pcnId: world.pcn2.id,
      track: 'training',
      employmentStart: addCalendarMonths(startDate, -12),
    }).expect(201);
    const audit: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM audit_entry WHERE action = 'cohort.created' AND entity_id = $1`,
      [cohortId],
    );
    expect(Number(audit[0]!.n)).toBe(1);
  });

  it('lists the people and organisations to enrol, for administrators and Alliance supervisors', async () => {
    const people = (await t.http().get('/api/people').set('Authorization', sup1).expect(200)).body;
    const mine = people.filter((p: { email: string }) => Object.values(world.people).some((w) => w.email === p.email));
    expect(mine).toHaveLength(Object.keys(world.people).length);
    expect(mine.find((p: { id: string }) => p.id === world.people.cccA.id)).toMatchObject({
      invitationPending: false,
      roles: [{ role: 'ccc', organisationId: world.pcn1.id, organisationName: world.pcn1.name }],
    });
    const other = await createWorld(t);
    expect(people.some((p: { id: string }) => p.id === other.people.cccA.id)).toBe(false);
    const organisations = (await t.http().get('/api/organisations').set('Authorization', sup1).expect(200)).body;
    expect(organisations.map((o: { id: string }) => o.id).sort()).toEqual(
      [world.alliance.id, world.pcn1.id, world.pcn2.id].sort(),
    );
    // An administrator manages their own Alliance: everyone in it, no one of another.
    const everyone = (await t.http().get('/api/people').set('Authorization', admin).expect(200)).body;
    expect(everyone.some((p: { id: string }) => p.id === world.people.pcnSupervisor2.id)).toBe(true);
    expect(everyone.some((p: { id: string }) => p.id === other.people.cccA.id)).toBe(false);
  });

  it('invites a person with a one-time, expiring link to set a password, then they sign in', async () => {
    const email = `new.ccc.${randomUUID().slice(0, 8)}@example.org`;
    await post(admin, '/api/people/invitations', {
      email,
      fullName: 'New CCC',
      role: 'ccc',
      organisationId: world.alliance.id,
    }).expect(400);
    let res = await post(admin, '/api/people/invitations', {
      email: email.toUpperCase(),
      fullName: ' New CCC ',
      role: 'ccc',
      organisationId: world.pcn1.id,
    }).expect(201);
    expect(res.body).toEqual({
      person: { id: expect.any(String), email, fullName: 'New CCC' },
      expiresAt: expect.any(String),
    });
    const days = (new Date(res.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const personId = res.body.person.id;
    await post(admin, '/api/people/invitations', {
      email,
      fullName: 'Again',
      role: 'ccc',
      organisationId: world.pcn1.id,
    }).expect(409);
    await post(sup1, '/api/people/invitations', {
      email: 'x@example.org',
      fullName: 'X',
      role: 'ccc',
      organisationId: world.pcn1.id,
    }).expect(403);

    const tokenIn = async () => {
      const [message] = await t.db
        .getRepository(OutboxMessage)
        .find({ where: { toEmail: email }, order: { createdAt: 'DESC' }, take: 1 });
      expect(message!.toEmail).toBe(email);
      return /\/set-password\/([A-Za-z0-9_-]+)/.exec(message!.body)![1]!;
    };
    const first = await tokenIn();
    // Not signed in until the password is set; the person is listed as invited.
    await t.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(401);
    const listed = (await t.http().get('/api/people').set('Authorization', admin).expect(200)).body;
    expect(listed.find((p: { id: string }) => p.id === personId).invitationPending).toBe(true);

    // Inviting again replaces the link.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await post(admin, `/api/people/${personId}/invitation`).expect(201);
    const second = await tokenIn();
    expect(second).not.toBe(first);
    expect((await t.http().get(`/api/invitations/${first}`).expect(410)).body.message).toMatch(/newer link/);

    // The invitation link is not an answer link, and an answer-link address does not take it.
    await t.http().get(`/api/links/${second}`).expect(404);
    await t
      .http()
      .get(`/api/invitations/${'x'.repeat(43)}`)
      .expect(404);

    res = await t.http().get(`/api/invitations/${second}`).expect(200);
    expect(res.body).toEqual({ fullName: 'New CCC', email, expiresAt: expect.any(String) });
    await t.http().post(`/api/invitations/${second}/password`).send({ password: 'short' }).expect(400);
    await t.http().post(`/api/invitations/${second}/password`).send({ password: 'a-long-new-password' }).expect(204);
    await t.http().post(`/api/invitations/${second}/password`).send({ password: 'another-long-password' }).expect(410);
    await t.http().post('/api/auth/login').send({ email, password: 'a-long-new-password' }).expect(200);
    await post(admin, `/api/people/${personId}/invitation`).expect(409);

    // An expired link is refused.
    const other = `late.${randomUUID().slice(0, 8)}@example.org`;
    res = await post(admin, '/api/people/invitations', {
      email: other,
      fullName: 'Late Person',
      role: 'pcn_supervisor',
      organisationId: world.pcn2.id,
    }).expect(201);
    await t.db.query(`UPDATE action_link SET expires_at = now() - interval '1 minute' WHERE target_id = $1`, [
      res.body.person.id,
    ]);
    const [late] = await t.db.getRepository(OutboxMessage).find({ where: { toEmail: other }, take: 1 });
    const lateToken = /\/set-password\/([A-Za-z0-9_-]+)/.exec(late!.body)![1]!;
    const expired = await t
      .http()
      .post(`/api/invitations/${lateToken}/password`)
      .send({ password: 'a-long-new-password' });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toMatch(/expired/);
  });

  it('creates the next version of a template, after a dry run that shows the warnings', async () => {
    const next = structuredClone(DEFAULT_TEMPLATE);
    next.name = 'Wessex CCC support and training offer (2027)';
    next.outcomeMeasures = [
      ...next.outcomeMeasures,
      { id: 'standalone-reviews', label: 'Reviews booked standalone', unit: 'reviews' },
    ];
    let res = await post(admin, `/api/templates/${world.template.id}/versions/validate`, { definition: next }).expect(
      200,
    );
    expect(res.body).toEqual({
      valid: true,
      errors: [],
      warnings: [expect.stringContaining('5 group sessions'), expect.stringContaining('1 TNA')],
      wouldBe: { key: DEFAULT_TEMPLATE.key, version: 2 },
    });
    const broken = {
      ...next,
      plan: [{ ...next.plan[0], month: 9 }],
      evaluation: { statements: [{ id: 'x' }], questions: [] },
    };
    res = await post(admin, `/api/templates/${world.template.id}/versions/validate`, { definition: broken }).expect(
      200,
    );
    expect(res.body.valid).toBe(false);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'plan[0].month',
      'evaluation.statements[0].text',
      'evaluation.statements[0].respondents',
    ]);
    res = await post(admin, `/api/templates/${world.template.id}/versions`, { definition: broken }).expect(400);
    expect(res.body.errors[0]).toEqual({ field: 'definition.plan[0].month', reason: expect.any(String) });
    const count = async () =>
      Number(
        (
          await t.db.query('SELECT count(*) AS n FROM programme_template WHERE alliance_id = $1', [world.alliance.id])
        )[0].n,
      );
    expect(await count()).toBe(1);

    // Warnings are read before saving: not acknowledged, nothing saved.
    res = await post(admin, `/api/templates/${world.template.id}/versions`, { definition: next }).expect(400);
    expect(res.body).toMatchObject({
      errors: [{ field: 'acknowledgedWarnings', reason: 'the template has 2 warning(s)' }],
      warnings: expect.arrayContaining([expect.stringContaining('5 group sessions')]),
    });
    expect(await count()).toBe(1);
    res = await post(admin, `/api/templates/${world.template.id}/versions`, {
      definition: next,
      acknowledgedWarnings: true,
    }).expect(201);
    expect(res.body).toMatchObject({ key: DEFAULT_TEMPLATE.key, version: 2, name: next.name });
    expect(res.body.definition.outcomeMeasures.map((m: { id: string }) => m.id)).toContain('standalone-reviews');
    await post(sup1, `/api/templates/${world.template.id}/versions`, { definition: next }).expect(403);

    // A version written from version 1 now that version 2 exists would undo version 2: refused, nothing saved,
    // the dry run saying the same; written from version 2 it is version 3.
    const version2 = res.body.id as string;
    const stale = await post(admin, `/api/templates/${world.template.id}/versions`, {
      definition: DEFAULT_TEMPLATE,
      acknowledgedWarnings: true,
    }).expect(409);
    expect(stale.body.message).toMatch(/^This is version 1 of the template, and version 2 has been saved since/);
    await post(admin, `/api/templates/${world.template.id}/versions/validate`, { definition: DEFAULT_TEMPLATE }).expect(
      409,
    );
    expect(await count()).toBe(2);
    res = await post(admin, `/api/templates/${version2}/versions`, {
      definition: next,
      acknowledgedWarnings: true,
    }).expect(201);
    expect(res.body).toMatchObject({ version: 3 });
    expect(await count()).toBe(3);
  });

  it('reads a version stored before the survey existed with the default survey and measures', async () => {
    const old: Record<string, unknown> = structuredClone(DEFAULT_TEMPLATE) as never;
    delete old['evaluation'];
    delete old['outcomeMeasures'];
    const row = await t.db.getRepository(ProgrammeTemplateVersion).save({
      allianceId: world.alliance.id,
      key: 'older-template',
      version: 1,
      name: 'Older template',
      definition: old as never,
    });
    const stored: { definition: Record<string, unknown> }[] = await t.db.query(
      'SELECT definition FROM programme_template WHERE id = $1',
      [row.id],
    );
    expect(stored[0]!.definition['evaluation']).toBeUndefined();
    const res = await t.http().get(`/api/templates/${row.id}`).set('Authorization', admin).expect(200);
    expect(res.body.definition.evaluation).toEqual(DEFAULT_TEMPLATE.evaluation);
    expect(res.body.definition.outcomeMeasures).toEqual(DEFAULT_TEMPLATE.outcomeMeasures);
    expect(res.body.warnings).toHaveLength(2);
  });

  it('withdraws an enrolment with a reason, keeping its records read-only', async () => {
    const w = await createWorld(t);
    const A = w.enrolments.A;
    const wAdmin = await tokenFor(t, w.people.admin);
    const wSup = await tokenFor(t, w.people.supervisor1);
    await post(wSup, `/api/enrolments/${A}/withdraw`, { reason: 'Left', version: 1 }).expect(403);
    await post(wAdmin, `/api/enrolments/${A}/withdraw`, { reason: '  ', version: 1 }).expect(400);
    await post(wAdmin, `/api/enrolments/${A}/withdraw`, { reason: 'Left', version: 7 }).expect(409);
    // Their own sessions stay on record (the cohort meetings still to come are another test's).
    const ownSessions =
      'SELECT count(*) AS n FROM session_attendance a JOIN session s ON s.id = a.session_id WHERE a.enrolment_id = $1 AND NOT s.shared_by_cohort';
    const sessionsBefore: { n: string }[] = await t.db.query(ownSessions, [A]);
    let res = await post(wAdmin, `/api/enrolments/${A}/withdraw`, {
      reason: 'Left the PCN for a hospital post',
      version: 1,
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'withdrawn',
      statusReason: 'Left the PCN for a hospital post',
      statusChangedAt: expect.any(String),
      version: 2,
    });
    await post(wAdmin, `/api/enrolments/${A}/withdraw`, { reason: 'Again', version: 2 }).expect(409);
    const sessionsAfter: { n: string }[] = await t.db.query(ownSessions, [A]);
    expect(Number(sessionsAfter[0]!.n)).toBeGreaterThan(0);
    expect(sessionsAfter[0]!.n).toBe(sessionsBefore[0]!.n);
    // Still readable, no longer bookable.
    const session = await sessionOf(t, wSup, A, 'm3-individual');
    res = await post(wSup, `/api/sessions/${session.id}/book`, {
      startsAt: inMonth(w, 3, 5),
      durationMinutes: 45,
      ...virtual,
      version: session.version,
    }).expect(409);
    expect(res.body.message).toBe(WITHDRAWN_MESSAGE);
    const audit: { detail: { reason: string } }[] = await t.db.query(
      `SELECT detail FROM audit_entry WHERE action = 'enrolment.withdrawn' AND entity_id = $1`,
      [A],
    );
    expect(audit.map((a) => a.detail.reason)).toEqual(['Left the PCN for a hospital post']);
  });

  it('takes a withdrawn CCC off the cohort meetings still to come and cancels their pending release, kept in history', async () => {
    const w = await createWorld(t);
    const { A, C } = w.enrolments;
    const wAdmin = await tokenFor(t, w.people.admin);
    const wSup = await tokenFor(t, w.people.supervisor1);
    const pcn1 = await tokenFor(t, w.people.pcnSupervisor1);
    // A meeting already held before the withdrawal, one booked for after it, one not booked yet.
    const held = await sessionOf(t, wSup, A, 'm2-group');
    await t.db.query(
      `UPDATE session SET status = 'completed', starts_at = now() - interval '20 days', duration_minutes = 60 WHERE id = $1`,
      [held.id],
    );
    const group = await sessionOf(t, wSup, A, 'm4-group');
    await post(wSup, `/api/sessions/${group.id}/book`, {
      startsAt: inMonth(w, 4, 3),
      durationMinutes: 90,
      ...virtual,
      version: group.version,
    }).expect(200);
    const unbooked = await sessionOf(t, wSup, A, 'm5-group');
    const releaseOf = (enrolmentId: string) =>
      t.http().get(`/api/enrolments/${enrolmentId}/release`).set('Authorization', pcn1).expect(200);
    const pending = (await releaseOf(A)).body.requests.find((r: { sessionId: string }) => r.sessionId === group.id);
    expect(pending).toMatchObject({ status: 'pending' });

    const before = await view(t, wSup, group.id);
    expect(before.attendees.map((a) => a.enrolmentId)).toContain(A);
    const res = await post(wAdmin, `/api/enrolments/${A}/withdraw`, { reason: 'Moved away', version: 1 }).expect(200);
    expect(res.body.status).toBe('withdrawn');

    // Off the registers of the meetings still to come; the others stay on them.
    for (const id of [group.id, unbooked.id]) {
      const register = (await view(t, wSup, id)).attendees.map((a) => a.enrolmentId);
      expect(register).not.toContain(A);
      expect(register).toContain(C);
    }
    // Still on the register of the meeting held before.
    expect((await view(t, wSup, held.id)).attendees.map((a) => a.enrolmentId)).toContain(A);
    // Their pending release is cancelled, not deleted: it shows in their history with why.
    const after = (await releaseOf(A)).body;
    expect(after.pendingCount).toBe(0);
    expect(after.requests.find((r: { id: string }) => r.id === pending.id)).toMatchObject({
      status: 'withdrawn',
      decisionReason: RELEASE_WITHDRAWN_REASON,
    });
    // The PCN supervisor no longer has it to confirm; C's request is untouched.
    await post(pcn1, `/api/release-requests/${pending.id}/confirm`, { version: pending.version }).expect(409);
    const forC = (await t.http().get(`/api/enrolments/${C}/release`).set('Authorization', wAdmin).expect(200)).body;
    expect(forC.requests.find((r: { sessionId: string }) => r.sessionId === group.id).status).toBe('pending');
    const audit: { action: string; entity_id: string }[] = await t.db.query(
      `SELECT action, entity_id FROM audit_entry WHERE action = 'release.withdrawn' AND entity_id = $1`,
      [pending.id],
    );
    expect(audit).toHaveLength(1);
  });
});
