import { randomUUID } from 'node:crypto';
import { DEFAULT_TEMPLATE, WIDER_WORKFORCE_ROLES } from '@ccc/programme';
import { IsNull } from 'typeorm';
import { Session } from '../src/sessions/session.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, tokenFor, type World } from './support/world';

/** The wider support workforce at the month-6 conference (issue #16, item 6). */
describe('the wider workforce at the conference', () => {
  let t: TestApp;
  let world: World;
  let other: World;
  let admin: string;
  let conference: string;
  let group: string;

  const sessionOf = async (w: World, key: string) =>
    (
      await t.db
        .getRepository(Session)
        .findOneByOrFail({ cohortId: w.cohort.id, enrolmentId: IsNull(), planItemKey: key })
    ).id;
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('Authorization', token),
    post: (path: string, body: object) => t.http().post(path).set('Authorization', token).send(body),
    patch: (path: string, body: object) => t.http().patch(path).set('Authorization', token).send(body),
    delete: (path: string) => t.http().delete(path).set('Authorization', token),
  });
  const guest = (role: string = 'social_prescriber') => ({
    fullName: 'Jo Bloggs',
    role,
    organisation: 'Riverside Surgery',
    email: `jo.${randomUUID().slice(0, 8)}@example.org`,
  });

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    other = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
    conference = await sessionOf(world, 'm6-conference');
    group = await sessionOf(world, 'm3-group');
  });
  afterAll(() => t.close());

  it('the seed opens the conference to the five roles of the support workforce, and no other session', async () => {
    const res = await as(admin).get(`/api/sessions/${conference}/workforce`).expect(200);
    expect(res.body).toEqual({ sessionId: conference, openTo: [...WIDER_WORKFORCE_ROLES], attendees: [] });
    const closed = await as(admin).get(`/api/sessions/${group}/workforce`).expect(200);
    expect(closed.body.openTo).toEqual([]);
    const refused = await as(admin).post(`/api/sessions/${group}/workforce`, guest()).expect(409);
    expect(refused.body.message).toBe('This session is not open to the wider workforce');
  });

  it('adds attendees without programme accounts, refusing bad fields by name and a second place for one e-mail', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM person');
    const body = guest('care_navigator');
    const added = await as(admin).post(`/api/sessions/${conference}/workforce`, body).expect(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      ...body,
      attendance: 'expected',
      version: 1,
    });
    expect(await t.db.query('SELECT count(*)::int AS n FROM person')).toEqual(before);
    await as(admin)
      .post(`/api/sessions/${conference}/workforce`, { ...body, email: body.email.toUpperCase() })
      .expect(409);
    const bad = await as(admin)
      .post(`/api/sessions/${conference}/workforce`, { fullName: 'J', role: 'porter', organisation: '', email: 'x' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'fullName',
      'organisation',
      'role',
    ]);
    const audited = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'session.workforce_added' AND entity_id = $1`,
      [added.body.id],
    );
    expect(audited[0].n).toBe(1);
  });

  it('a template that opens the conference to fewer roles refuses the others (400 naming the role)', async () => {
    const narrow = {
      ...DEFAULT_TEMPLATE,
      plan: DEFAULT_TEMPLATE.plan.map((p) =>
        p.key === 'm6-conference' ? { ...p, openTo: ['social_prescriber' as const] } : p,
      ),
    };
    const w = await createWorld(t, narrow);
    const token = await tokenFor(t, w.people.admin);
    const session = await sessionOf(w, 'm6-conference');
    const res = await as(token).post(`/api/sessions/${session}/workforce`, guest('care_navigator')).expect(400);
    expect(res.body.errors).toEqual([{ field: 'role', reason: 'this session is open to social_prescriber' }]);
    await as(token).post(`/api/sessions/${session}/workforce`, guest('social_prescriber')).expect(201);
  });

  it('registers attendance once the conference has begun, 409 on a stale version, and counts them in the report', async () => {
    const path = `/api/sessions/${conference}/workforce`;
    const a = (await as(admin).post(path, guest('social_prescriber')).expect(201)).body;
    const b = (await as(admin).post(path, guest('health_care_assistant')).expect(201)).body;
    const early = await as(admin).patch(`${path}/${a.id}`, { attendance: 'present', version: 1 }).expect(409);
    expect(early.body.message).toBe('Attendance is registered once the session has begun');
    await t.db.query(
      `UPDATE session SET status = 'scheduled', starts_at = now() - interval '1 day', duration_minutes = 360 WHERE id = $1`,
      [conference],
    );
    const present = await as(admin).patch(`${path}/${a.id}`, { attendance: 'present', version: 1 }).expect(200);
    expect(present.body).toMatchObject({ attendance: 'present', version: 2 });
    const stale = await as(admin).patch(`${path}/${a.id}`, { attendance: 'absent', version: 1 }).expect(409);
    expect(stale.body.message).toMatch(/changed by someone else/);
    await as(admin).patch(`${path}/${b.id}`, { attendance: 'absent', version: 1 }).expect(200);
    const missing = await as(admin).patch(`${path}/${randomUUID()}`, { attendance: 'absent', version: 1 }).expect(404);
    expect(missing.body.message).toBe('Attendee not found');
    const badField = await as(admin).patch(`${path}/${a.id}`, { attendance: 'maybe' }).expect(400);
    expect([...new Set(badField.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'attendance',
      'version',
    ]);

    const report = await as(admin).get(`/api/reports/cohort?cohortId=${world.cohort.id}`).expect(200);
    const byRole = Object.fromEntries(
      report.body.widerWorkforce.rows.map((r: { role: string; registered: number; present: number }) => [
        r.role,
        [r.registered, r.present],
      ]),
    );
    // The care navigator of the test before, still expected; these two, one present and one absent.
    expect(byRole).toEqual({
      care_navigator: [1, 0],
      cancer_support_worker: [0, 0],
      social_prescriber: [1, 1],
      therapy_assistant: [0, 0],
      health_care_assistant: [1, 0],
    });
    expect(report.body.widerWorkforce).toMatchObject({ registered: 3, present: 1 });
    const csv = await as(admin).get(`/api/reports/cohort/export?cohortId=${world.cohort.id}&format=csv`).expect(200);
    expect(csv.text).toContain('Wider workforce at the conference');
    // One tidy long table: a record per cell (Table, Row, Row label, Column, Value).
    expect(csv.text).toMatch(/^Wider workforce at the conference,\d+,Social prescriber,Registered,1\r$/m);
    expect(csv.text).toMatch(/^Wider workforce at the conference,\d+,Social prescriber,Attended,1\r$/m);

    // Taken off: gone from the list and the count.
    await as(admin).delete(`${path}/${b.id}`).expect(204);
    await as(admin).delete(`${path}/${b.id}`).expect(404);
    const after = await as(admin).get(`/api/reports/cohort?cohortId=${world.cohort.id}`).expect(200);
    expect(after.body.widerWorkforce).toMatchObject({ registered: 2, present: 1 });
  });

  it('is the Alliance’s alone: 403 for PCN supervisors and CCCs, 404 for another Alliance', async () => {
    const path = `/api/sessions/${conference}/workforce`;
    const [attendee] = (await as(admin).get(path).expect(200)).body.attendees;
    for (const person of [world.people.pcnSupervisor1, world.people.cccA]) {
      const token = await tokenFor(t, person);
      await as(token).get(path).expect(403);
      await as(token).post(path, guest()).expect(403);
      await as(token).patch(`${path}/${attendee.id}`, { attendance: 'absent', version: attendee.version }).expect(403);
      await as(token).delete(`${path}/${attendee.id}`).expect(403);
    }
    for (const person of [other.people.admin, other.people.supervisor1]) {
      const token = await tokenFor(t, person);
      const res = await as(token).get(path).expect(404);
      expect(res.text).not.toContain(attendee.email);
      await as(token).post(path, guest()).expect(404);
      await as(token).patch(`${path}/${attendee.id}`, { attendance: 'absent', version: attendee.version }).expect(404);
      await as(token).delete(`${path}/${attendee.id}`).expect(404);
    }
    // The cohort's own Alliance supervisor registers them too.
    await as(await tokenFor(t, world.people.supervisor1))
      .get(path)
      .expect(200);
    const still = (await as(admin).get(path).expect(200)).body.attendees;
    expect(still.find((a: { id: string }) => a.id === attendee.id)).toEqual(attendee);
  });
});
