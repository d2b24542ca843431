import { randomUUID } from 'node:crypto';
import { addCalendarDays, addCalendarMonths } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { Cohort } from '../src/cohorts/cohort.entity';
import { Enrolment } from '../src/enrolments/enrolment.entity';
import { Person } from '../src/people/person.entity';
import { Session } from '../src/sessions/session.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { createPerson, createWorld, tokenFor, type World } from './support/world';

describe('POST /api/cohorts/:id/enrolments', () => {
  let t: TestApp;
  let world: World;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    cccId: world.people.cccUnenrolled.id,
    pcnId: world.pcn2.id,
    pcnSupervisorId: world.people.pcnSupervisor2.id,
    allianceSupervisorId: world.people.supervisor2.id,
    track: 'supervision',
    employmentStart: addCalendarMonths(world.startDate, -2),
    ...overrides,
  });
  const counts = async () => ({
    enrolments: await t.db.getRepository(Enrolment).countBy({ cohortId: world.cohort.id }),
    sessions: await t.db.getRepository(Session).countBy({ cohortId: world.cohort.id }),
  });
  const post = (token: string, payload: object, cohortId = world.cohort.id) =>
    t.http().post(`/api/cohorts/${cohortId}/enrolments`).set('Authorization', token).send(payload);

  it('refuses the supervision track to a CCC employed more than 4 months before the start, saying why, and changes nothing', async () => {
    const before = await counts();
    const res = await post(admin, body({ employmentStart: addCalendarMonths(world.startDate, -5) })).expect(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].field).toBe('track');
    expect(res.body.errors[0].reason).toContain('within 4 months before the cohort starts');
    expect(res.body.errors[0].reason).toContain(addCalendarMonths(world.startDate, -5));
    expect(res.body.errors[0].reason).toContain('training track');
    expect(await counts()).toEqual(before);
  });

  it('refuses the supervision track to a CCC whose employment starts in month 6 (or month 2), naming the dates', async () => {
    const before = await counts();
    const lastDay = addCalendarDays(addCalendarMonths(world.startDate, 1), -1);
    for (const monthsIn of [5, 1]) {
      const employmentStart = addCalendarMonths(world.startDate, monthsIn);
      const res = await post(admin, body({ employmentStart })).expect(400);
      expect(res.body.errors).toEqual([{ field: 'track', reason: expect.any(String) }]);
      const reason: string = res.body.errors[0].reason;
      expect(reason).toContain(`from ${addCalendarMonths(world.startDate, -4)} to ${lastDay}`);
      expect(reason).toContain(employmentStart);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a second active enrolment of the same CCC with a 409 naming the other cohort', async () => {
    const other = await t.db.getRepository(Cohort).save({
      name: `Second cohort ${randomUUID().slice(0, 8)}`,
      allianceId: world.alliance.id,
      templateId: world.template.id,
      startDate: world.startDate,
      supervisors: [{ id: world.people.supervisor1.id } as Person],
    });
    const payload = body({
      cccId: world.people.cccA.id,
      pcnId: world.pcn1.id,
      pcnSupervisorId: world.people.pcnSupervisor1.id,
    });
    const res = await post(admin, payload, other.id).expect(409);
    expect(res.body.message).toContain(world.cohort.name);
    expect(res.body.message).toContain(world.cohort.id);
    expect(await t.db.getRepository(Enrolment).countBy({ cohortId: other.id })).toBe(0);
  });

  it('refuses an enrolment at a PCN where the CCC holds no role', async () => {
    const elsewhere = await createPerson(t.db, 'CCC Elsewhere', 'ccc', world.pcn2.id);
    const before = await counts();
    const res = await post(
      admin,
      body({ cccId: elsewhere.id, pcnId: world.pcn1.id, pcnSupervisorId: world.people.pcnSupervisor1.id }),
    ).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'pcnId', reason: 'this CCC holds no role at this PCN; add their role there first' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names every field at fault in malformed input', async () => {
    const res = await post(admin, {
      cccId: 'x',
      pcnId: world.pcn1.id,
      track: 'both',
      employmentStart: '1 May',
      colour: 'red',
    }).expect(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['cccId', 'colour', 'employmentStart', 'track']);
  });

  it('rejects ids that name the wrong kind of thing', async () => {
    const before = await counts();
    const res = await post(
      admin,
      body({ cccId: world.people.pcnSupervisor1.id, pcnSupervisorId: world.people.pcnSupervisor1.id }),
    ).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'cccId', reason: 'no Cancer Care Coordinator has this id' },
      { field: 'pcnSupervisorId', reason: 'this person is not a PCN supervisor of that PCN' },
    ]);
    const impossible = await post(admin, body({ employmentStart: '2026-02-30' })).expect(400);
    expect(impossible.body.errors).toEqual([
      { field: 'employmentStart', reason: 'employmentStart must be a real date as YYYY-MM-DD' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses an Alliance supervisor who does not run the cohort, and answers 404 for an unknown cohort', async () => {
    const supervisor2 = await tokenFor(t, world.people.supervisor2);
    await post(supervisor2, body()).expect(403);
    await post(admin, body(), randomUUID()).expect(404);
  });

  it('enrols, creates the planned sessions sharing the cohort ones, and audits who did it', async () => {
    const before = await counts();
    const supervisor1 = await tokenFor(t, world.people.supervisor1);
    const res = await post(supervisor1, body()).expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        track: 'supervision',
        status: 'active',
        currentMonth: 3,
        ccc: expect.objectContaining({ id: world.people.cccUnenrolled.id }),
      }),
    );
    const after = await counts();
    expect(after.enrolments).toBe(before.enrolments + 1);
    // 16 plan items and 5 teaching sessions, of which the group, teaching and conference ones already existed.
    expect(after.sessions).toBe(before.sessions + 10);
    const audit = await t.db
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityType: 'enrolment', entityId: res.body.id });
    expect(audit).toEqual(
      expect.objectContaining({ action: 'enrolment.created', actorId: world.people.supervisor1.id }),
    );

    const again = await post(admin, body()).expect(409);
    expect(again.body.message).toBe('This CCC is already enrolled in this cohort');
    expect(await counts()).toEqual(after);
  });

  it('lets the training track take a CCC in post for years', async () => {
    const veteran = await createPerson(t.db, 'Veteran CCC', 'ccc', world.pcn1.id);
    const res = await post(
      admin,
      body({
        cccId: veteran.id,
        pcnId: world.pcn1.id,
        pcnSupervisorId: undefined,
        track: 'training',
        employmentStart: '2019-06-01',
      }),
    ).expect(201);
    expect(res.body.pcnSupervisor).toBeNull();
  });
});
