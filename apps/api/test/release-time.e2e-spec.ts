import { addCalendarDays, DEFAULT_TEMPLATE, isoWeekOf, isoWeeksBetween, monthBounds } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, worldWithTokens } from './support/world';

describe("the PCN's part: release time, attestations, expectations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const setUp = () => worldWithTokens(t);
  const post = (token: string, path: string, body: object) => postAs(t, token, path, body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const requestsOf = (enrolmentId: string) =>
    t.db.getRepository(ReleaseRequest).find({ where: { enrolmentId }, order: { date: 'ASC' } });

  it('creates a release request for every CCC when a session is booked, moves it with the session and withdraws it on cancellation', async () => {
    const { world, tokens } = await setUp();
    const group = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-group');
    let res = await post(tokens.sup1, `/api/sessions/${group.id}/book`, {
      startsAt: inMonth(world, 3, 3),
      durationMinutes: 90,
      ...virtual,
      version: group.version,
    }).expect(200);
    const forA = await requestsOf(world.enrolments.A);
    const forC = await requestsOf(world.enrolments.C);
    expect(forA).toEqual([
      expect.objectContaining({
        sessionId: group.id,
        kind: 'session',
        minutes: 90,
        status: 'pending',
        date: inMonth(world, 3, 3).slice(0, 10),
      }),
    ]);
    expect(forC).toHaveLength(1);

    await post(tokens.pcn1, `/api/release-requests/${forA[0]!.id}/confirm`, { version: forA[0]!.version }).expect(200);
    res = await post(tokens.sup1, `/api/sessions/${group.id}/reschedule`, {
      startsAt: inMonth(world, 3, 10),
      durationMinutes: 60,
      ...virtual,
      reason: 'Room clash',
      version: res.body.version,
    }).expect(200);
    const moved = await requestsOf(world.enrolments.A);
    expect(moved).toEqual([
      expect.objectContaining({
        id: forA[0]!.id,
        minutes: 60,
        status: 'confirmed',
        date: inMonth(world, 3, 10).slice(0, 10),
      }),
    ]);

    await post(tokens.sup1, `/api/sessions/${group.id}/cancel`, {
      reason: 'Supervisor unwell',
      version: res.body.version,
    }).expect(200);
    expect((await requestsOf(world.enrolments.A)).map((r) => r.status)).toEqual(['withdrawn']);
    expect((await requestsOf(world.enrolments.C)).map((r) => r.status)).toEqual(['withdrawn']);
  });

  it('lets a PCN supervisor confirm for a CCC of their PCN only; confirming twice changes nothing', async () => {
    const { world, tokens } = await setUp();
    const s = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-individual');
    await post(tokens.sup1, `/api/sessions/${s.id}/book`, {
      startsAt: inMonth(world, 3, 2),
      durationMinutes: 45,
      ...virtual,
      version: s.version,
    }).expect(200);
    const [request] = await requestsOf(world.enrolments.A);
    await post(tokens.pcn2, `/api/release-requests/${request!.id}/confirm`, { version: request!.version }).expect(403);
    await post(tokens.cccA, `/api/release-requests/${request!.id}/confirm`, { version: request!.version }).expect(403);
    await post(tokens.pcn1, `/api/release-requests/00000000-0000-4000-8000-000000000000/confirm`, {
      version: 1,
    }).expect(404);

    const first = await post(tokens.pcn1, `/api/release-requests/${request!.id}/confirm`, {
      version: request!.version,
    }).expect(200);
    expect(first.body).toMatchObject({
      status: 'confirmed',
      decidedBy: { id: world.people.pcnSupervisor1.id },
      viaLink: false,
    });
    const second = await post(tokens.pcn1, `/api/release-requests/${request!.id}/confirm`, {
      version: request!.version,
    }).expect(200);
    expect(second.body).toEqual(first.body);
    const signOffs = (await sessionOf(t, tokens.cccA, world.enrolments.A, 'm3-individual')).signOffs;
    expect(signOffs).toEqual([
      {
        what: 'release_confirmed',
        by: { id: world.people.pcnSupervisor1.id, fullName: world.people.pcnSupervisor1.fullName },
        at: expect.any(String),
        viaLink: false,
      },
    ]);
    expect(
      await t.db
        .getRepository(AuditEntry)
        .countBy({ entityType: 'release_request', entityId: request!.id, action: 'release.confirmed' }),
    ).toBe(1);
  });

  it('needs a reason to confirm past 5 days (37.5 hours) of release, and does not count a moved session against itself', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const day = (n: number) => addCalendarDays(world.startDate, n);
    // 3 training days of 12 hours and a 1-hour session: 37 hours confirmed.
    for (let i = 0; i < 3; i++) {
      const logged = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
        kind: 'training',
        date: day(i + 1),
        minutes: 720,
        description: `Course day ${i + 1}`,
      }).expect(201);
      await post(tokens.pcn1, `/api/release-requests/${logged.body.id}/confirm`, {
        version: logged.body.version,
      }).expect(200);
    }
    const s = await sessionOf(t, tokens.sup1, A, 'm3-individual');
    const booked = await post(tokens.sup1, `/api/sessions/${s.id}/book`, {
      startsAt: inMonth(world, 3, 2),
      durationMinutes: 60,
      ...virtual,
      version: s.version,
    }).expect(200);
    const sessionRequest = (await requestsOf(A)).find((r) => r.sessionId === s.id)!;
    await post(tokens.pcn1, `/api/release-requests/${sessionRequest.id}/confirm`, {
      version: sessionRequest.version,
    }).expect(200);
    expect((await get(tokens.pcn1, `/api/enrolments/${A}/release`).expect(200)).body.confirmedReleaseMinutes).toBe(
      2220,
    );

    // Moving the confirmed session keeps it confirmed and counted once.
    await post(tokens.sup1, `/api/sessions/${s.id}/reschedule`, {
      startsAt: inMonth(world, 3, 4),
      durationMinutes: 60,
      ...virtual,
      reason: 'Moved',
      version: booked.body.version,
    }).expect(200);
    expect((await get(tokens.pcn1, `/api/enrolments/${A}/release`).expect(200)).body.confirmedReleaseMinutes).toBe(
      2220,
    );

    // 30 more minutes make 37.5 hours: allowed. 6 more make 37.6: needs a reason.
    const half = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
      kind: 'training',
      date: day(5),
      minutes: 30,
      description: 'Webinar',
    }).expect(201);
    await post(tokens.pcn1, `/api/release-requests/${half.body.id}/confirm`, { version: half.body.version }).expect(
      200,
    );
    const over = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
      kind: 'training',
      date: day(6),
      minutes: 6,
      description: 'Short call',
    }).expect(201);
    const refused = await post(tokens.pcn1, `/api/release-requests/${over.body.id}/confirm`, {
      version: over.body.version,
    }).expect(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'overrideReason',
        reason: expect.stringContaining('to 37.6 hours, past the 37.5 hours (5 days) agreed'),
      },
    ]);
    expect((await t.db.getRepository(ReleaseRequest).findOneByOrFail({ id: over.body.id })).status).toBe('pending');
    const forced = await post(tokens.pcn1, `/api/release-requests/${over.body.id}/confirm`, {
      version: over.body.version,
      overrideReason: 'Extra induction call agreed',
    }).expect(200);
    expect(forced.body).toMatchObject({ status: 'confirmed', overrideReason: 'Extra induction call agreed' });

    const expectations = (await get(tokens.cccA, `/api/enrolments/${A}/expectations`).expect(200)).body;
    // A ceiling the PCN agreed to go past, with a reason: not the PCN failing.
    expect(expectations.results.find((r: { key: string }) => r.key === 'pcn-total-release')).toMatchObject({
      state: 'on_track',
      evidence: '37.6 of 37.5 hours of release confirmed: over the agreed 5 days, with the PCN\u2019s reason',
    });
  });

  it('lets the CCC log study time for themself only, within the programme and not ahead, and charts it per ISO week', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const today = new Date().toISOString().slice(0, 10);
    await post(tokens.cccC, `/api/enrolments/${A}/release-requests`, {
      kind: 'study',
      date: today,
      minutes: 60,
      description: 'ACCEND',
    }).expect(403);
    await post(tokens.pcn1, `/api/enrolments/${A}/release-requests`, {
      kind: 'study',
      date: today,
      minutes: 60,
      description: 'ACCEND',
    }).expect(403);
    const early = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
      kind: 'study',
      date: addCalendarDays(world.startDate, -1),
      minutes: 60,
      description: 'Reading',
    }).expect(400);
    expect(early.body.errors[0].field).toBe('date');
    const bad = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
      kind: 'holiday',
      date: '2026-13-01',
      minutes: 0,
      description: '',
    }).expect(400);
    expect([...new Set((bad.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual([
      'date',
      'description',
      'kind',
      'minutes',
    ]);

    // Last week: 59 minutes confirmed is below the 1-hour minimum; this week: two entries, one confirmed.
    const lastWeekDay = addCalendarDays(today, -7);
    const a = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
      kind: 'study',
      date: lastWeekDay,
      minutes: 59,
      description: 'Macmillan Explore',
    }).expect(201);
    await post(tokens.pcn1, `/api/release-requests/${a.body.id}/confirm`, { version: a.body.version }).expect(200);
    const b = await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
      kind: 'study',
      date: today,
      minutes: 60,
      description: 'ACCEND',
    }).expect(201);
    await post(tokens.cccA, `/api/enrolments/${A}/release-requests`, {
      kind: 'study',
      date: today,
      minutes: 30,
      description: 'Reading',
    }).expect(201);
    await post(tokens.pcn1, `/api/enrolments/${A}/release-requests/confirm-week`, { week: isoWeekOf(today) }).expect(
      200,
    );

    const summary = (await get(tokens.pcn1, `/api/enrolments/${A}/release`).expect(200)).body;
    expect(summary.rules).toEqual({
      weeklyStudyMinutes: { min: 60, max: 120 },
      totalReleaseMinutes: 2250,
      hoursPerDay: 7.5,
    });
    expect(summary.weeks).toHaveLength(8);
    expect(summary.weeks.at(-2)).toEqual({
      week: isoWeekOf(lastWeekDay),
      confirmedMinutes: 59,
      pendingMinutes: 0,
      declinedMinutes: 0,
      state: 'below',
    });
    expect(summary.weeks.at(-1)).toEqual({
      week: isoWeekOf(today),
      confirmedMinutes: 90,
      pendingMinutes: 0,
      declinedMinutes: 0,
      state: 'within',
    });
    expect(summary.pendingCount).toBe(0);
    expect(summary.requests.find((r: { id: string }) => r.id === b.body.id).status).toBe('confirmed');
  });

  it('declines with a reason, audited as the PCN supervisor', async () => {
    const { world, tokens } = await setUp();
    const logged = await post(tokens.cccA, `/api/enrolments/${world.enrolments.A}/release-requests`, {
      kind: 'training',
      date: monthBounds(world.startDate, 2).startsOn,
      minutes: 120,
      description: 'Conference',
    }).expect(201);
    await post(tokens.pcn1, `/api/release-requests/${logged.body.id}/decline`, {
      version: logged.body.version,
      reason: '',
    }).expect(400);
    const declined = await post(tokens.pcn1, `/api/release-requests/${logged.body.id}/decline`, {
      version: logged.body.version,
      reason: 'Practice short-staffed that day',
    }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', decisionReason: 'Practice short-staffed that day' });
    await post(tokens.pcn1, `/api/release-requests/${logged.body.id}/confirm`, {
      version: declined.body.version,
    }).expect(409);
    const audit = await t.db
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: logged.body.id, action: 'release.declined' });
    expect(audit.actorId).toBe(world.people.pcnSupervisor1.id);

    // A session's declined release shows on the Alliance supervisor's caseload and the timeline.
    const s = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-individual');
    await post(tokens.sup1, `/api/sessions/${s.id}/book`, {
      startsAt: inMonth(world, 3, 5),
      durationMinutes: 45,
      ...virtual,
      version: s.version,
    }).expect(200);
    const request = (await requestsOf(world.enrolments.A)).find((r) => r.sessionId === s.id)!;
    await post(tokens.pcn1, `/api/release-requests/${request.id}/decline`, {
      version: request.version,
      reason: 'Clinic that morning',
    }).expect(200);
    const caseload = (await get(tokens.sup1, '/api/caseload').expect(200)).body as {
      enrolment: { id: string };
      releaseDeclined: number;
    }[];
    expect(caseload.find((r) => r.enrolment.id === world.enrolments.A)!.releaseDeclined).toBe(1);
    expect((await sessionOf(t, tokens.cccA, world.enrolments.A, 'm3-individual')).signOffs.map((x) => x.what)).toEqual([
      'release_declined',
    ]);
    // Both declines are the PCN's decisions, shown with the PCN's expectation.
    const expectations = (await get(tokens.pcn1, `/api/enrolments/${world.enrolments.A}/expectations`).expect(200))
      .body;
    expect(expectations.results.find((r: { key: string }) => r.key === 'pcn-total-release')).toMatchObject({
      state: 'on_track',
      evidence: '0 of 37.5 hours of release confirmed; 2 requests declined by the PCN',
    });
  });

  it("computes each party's expectations from the data: the Alliance's 6 individual sessions count only sessions recorded as held", async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const individualOf = async (key: string) => {
      const s = await sessionOf(t, tokens.sup1, A, key);
      return post(tokens.sup1, `/api/sessions/${s.id}/book`, {
        startsAt: inMonth(world, Number(key[1]), 2),
        durationMinutes: 45,
        ...virtual,
        version: s.version,
      }).expect(200);
    };
    const m1 = await individualOf('m1-individual');
    await post(tokens.sup1, `/api/sessions/${m1.body.id}/record`, {
      attendance: [{ enrolmentId: A, attendance: 'present' }],
      version: m1.body.version,
    }).expect(200);
    await individualOf('m2-individual'); // booked, never recorded
    await individualOf('m3-individual'); // booked, in the future

    const body = (await get(tokens.cccA, `/api/enrolments/${A}/expectations`).expect(200)).body;
    const byKey = (key: string) => body.results.find((r: { key: string }) => r.key === key);
    expect(body.results).toHaveLength(18);
    expect(byKey('alliance-individual')).toMatchObject({
      party: 'alliance',
      progress: { done: 1, target: 6 },
      state: 'on_track',
    });
    expect(byKey('alliance-individual').evidence).toBe('1 of 6 held; 5 more planned or booked');
    // Month 1 and 2 group sessions were never booked: 6 group sessions can no longer all be held (the plan has 5).
    expect(byKey('alliance-group')).toMatchObject({ state: 'at_risk', progress: { done: 0, target: 6 } });
    expect(byKey('ccc-attend-supervision')).toMatchObject({ state: 'on_track', evidence: 'attended 1 of 1 held' });
    expect(byKey('ccc-competencies')).toMatchObject({ state: 'at_risk', progress: { done: 0 } });
    expect(byKey('pcn-table-2')).toMatchObject({ state: 'on_track', progress: { done: 0, target: 4 } });
    expect(byKey('pcn-table-2').evidence).toMatch(
      /^0 of 4 duties confirmed; later: follow-on supervision after 6 months/,
    );
  });

  it('lets the responsible party attest, once, and no one else', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const url = `/api/enrolments/${A}/attestations`;
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(tokens.sup1, `/api/enrolments/${A}/expectations`).expect(200)).body.canAttest).toEqual([
      'alliance-des-aligned',
      'alliance-flex',
    ]);
    expect((await get(tokens.pcn1, `/api/enrolments/${A}/expectations`).expect(200)).body.canAttest).toEqual([]);
    await post(tokens.cccA, url, { expectationKey: 'alliance-des-aligned', attestedOn: today }).expect(403);
    await post(tokens.pcn1, url, { expectationKey: 'pcn-weekly-release', attestedOn: today }).expect(400);
    await post(tokens.pcn1, url, { expectationKey: 'nonsense', attestedOn: today }).expect(400);
    // Table 2 is measured from its duties, each confirmed on its own (duties.e2e-spec.ts).
    await post(tokens.pcn1, url, { expectationKey: 'pcn-table-2', attestedOn: today }).expect(400);
    const ok = await post(tokens.sup1, url, {
      expectationKey: 'alliance-des-aligned',
      attestedOn: today,
      note: 'Role mapped to the DES requirements',
    }).expect(201);
    expect(ok.body.results.find((r: { key: string }) => r.key === 'alliance-des-aligned')).toMatchObject({
      state: 'met',
      evidence: expect.stringContaining(world.people.supervisor1.fullName),
    });
    expect(ok.body.canAttest).toEqual(['alliance-flex']);
    await post(tokens.sup1, url, { expectationKey: 'alliance-des-aligned', attestedOn: today }).expect(409);
    await post(tokens.cccA, url, { expectationKey: 'ccc-community-of-practice', attestedOn: today }).expect(201);
    expect(await t.db.getRepository(AuditEntry).countBy({ entityId: A, action: 'expectation.attested' })).toBe(2);
  });

  it('gives the PCN supervisor one screen with what awaits them for each CCC of their PCN', async () => {
    const { world, tokens } = await setUp();
    const joint = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-joint');
    const slot = inMonth(world, 3, 6);
    await post(tokens.sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: slot,
      durationMinutes: 30,
      ...virtual,
      version: joint.version,
    }).expect(200);
    const rows = (await get(tokens.pcn1, '/api/pcn-home').expect(200)).body as {
      enrolment: { id: string };
      slotsAwaiting: { id: string; startsAt: string; durationMinutes: number }[];
      releaseToConfirm: { sessionId: string; status: string; date: string; minutes: number; decidedAt: null }[];
      attestationsDue: { key: string }[];
      weeks: unknown[];
      totalReleaseMinutes: number;
      rules: unknown;
      nextJoint: { id: string; status: string } | null;
    }[];
    expect(rows.map((r) => r.enrolment.id).sort()).toEqual([world.enrolments.A, world.enrolments.B].sort());
    const rowA = rows.find((r) => r.enrolment.id === world.enrolments.A)!;
    expect(rowA.slotsAwaiting.map((s) => s.id)).toEqual([joint.id]);
    expect(rowA.slotsAwaiting[0]).toMatchObject({ startsAt: slot, durationMinutes: 30 });
    expect(rowA.releaseToConfirm.map((r) => r.sessionId)).toEqual([joint.id]);
    expect(rowA.releaseToConfirm[0]).toMatchObject({
      status: 'pending',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      minutes: 30,
      decidedAt: null,
    });
    // The PCN's Table 2 duties that can be confirmed now: the later two wait for after the programme.
    expect(rowA.attestationsDue.map((a) => a.key)).toEqual([
      'pcn-mandatory-training',
      'pcn-local-induction',
      'pcn-systems-training',
      'pcn-clinical-supervision',
    ]);
    expect(rowA.weeks).toHaveLength(8);
    expect(rowA.totalReleaseMinutes).toBe(2250);
    expect(rowA.rules).toEqual({
      weeklyStudyMinutes: { min: 60, max: 120 },
      totalReleaseMinutes: 2250,
      hoursPerDay: 7.5,
    });
    expect(rowA.nextJoint).toMatchObject({ id: joint.id, status: 'awaiting_pcn' });
    expect(
      (await get(tokens.pcn2, '/api/pcn-home').expect(200)).body.map(
        (r: { enrolment: { id: string } }) => r.enrolment.id,
      ),
    ).toEqual([world.enrolments.C]);
    await get(tokens.cccA, '/api/pcn-home').expect(403);
    await get(tokens.sup1, '/api/pcn-home').expect(403);
  });

  it("keeps the PCN supervisor's list to CCCs still on the programme, and charts only the programme's weeks", async () => {
    const { world, tokens } = await setUp();
    const admin = await tokenFor(t, world.people.admin);
    const listed = async () =>
      ((await get(tokens.pcn1, '/api/pcn-home').expect(200)).body as { enrolment: { id: string } }[])
        .map((r) => r.enrolment.id)
        .sort();
    expect(await listed()).toEqual([world.enrolments.A, world.enrolments.B].sort());
    await post(admin, `/api/enrolments/${world.enrolments.A}/withdraw`, { reason: 'Left the PCN', version: 1 }).expect(
      200,
    );
    await t.db.query(`UPDATE enrolment SET status = 'completed' WHERE id = $1`, [world.enrolments.B]);
    expect(await listed()).toEqual([]);

    // A cohort a month old: its chart starts at the cohort's first week, not eight weeks back.
    const young = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 1 });
    const youngPcn = await tokenFor(t, young.people.pcnSupervisor1);
    const today = new Date().toISOString().slice(0, 10);
    const expected = isoWeeksBetween(young.startDate, addCalendarDays(today, 1));
    expect(expected.length).toBeLessThan(8);
    const summary = (await get(youngPcn, `/api/enrolments/${young.enrolments.A}/release`).expect(200)).body;
    expect(summary.weeks.map((w: { week: string }) => w.week)).toEqual(expected);
    const [row] = (await get(youngPcn, '/api/pcn-home').expect(200)).body as { weeks: { week: string }[] }[];
    expect(row!.weeks.map((w) => w.week)).toEqual(expected);
  });
});
