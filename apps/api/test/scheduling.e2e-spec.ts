import { AuditEntry } from '../src/audit/audit-entry.entity';
import { Session } from '../src/sessions/session.entity';
import { inMonth, sessionOf, timeline, view, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

describe('scheduling: book, respond, reschedule, cancel, record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const setUp = () => worldWithTokens(t);
  const post = (token: string, path: string, body: object) => postAs(t, token, path, body);

  it('walks a joint session through book, a counter-proposal, acceptance, the meeting and its record, each party seeing each step', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const joint = await sessionOf(t, tokens.sup1, A, 'm1-joint');
    expect(joint.availableActions).toEqual(['book']);
    expect((await sessionOf(t, tokens.pcn1, A, 'm1-joint')).availableActions).toEqual([]);

    // 1. The Alliance supervisor offers a slot: it waits for the PCN supervisor.
    const offered = inMonth(world, 1, 3);
    let res = await post(tokens.sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: offered,
      durationMinutes: 45,
      ...virtual,
      version: joint.version,
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'awaiting_pcn',
      startsAt: offered,
      durationMinutes: 45,
      lead: { id: world.people.supervisor1.id },
    });
    expect((await sessionOf(t, tokens.cccA, A, 'm1-joint')).status).toBe('awaiting_pcn');
    expect((await sessionOf(t, tokens.cccA, A, 'm1-joint')).availableActions).toEqual([]);
    expect((await sessionOf(t, tokens.pcn1, A, 'm1-joint')).availableActions).toEqual(['accept_slot', 'propose_slot']);
    expect((await sessionOf(t, tokens.sup1, A, 'm1-joint')).availableActions).toEqual(['reschedule', 'cancel']);

    // 2. The PCN supervisor proposes another time; the Alliance must answer.
    const proposed = inMonth(world, 1, 4, 14);
    res = await post(tokens.pcn1, `/api/sessions/${joint.id}/pcn-response`, {
      decision: 'propose',
      proposedStartsAt: proposed,
      version: res.body.version,
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'awaiting_alliance', proposedStartsAt: proposed, availableActions: [] });
    expect((await sessionOf(t, tokens.cccA, A, 'm1-joint')).status).toBe('awaiting_alliance');
    expect((await view(t, tokens.sup1, joint.id)).availableActions).toEqual([
      'accept_proposal',
      'counter_proposal',
      'reschedule',
      'cancel',
    ]);

    // 3. The Alliance supervisor accepts: booked at the proposed time.
    // Month 1 is long past, so the booked session already shows as overdue for recording.
    res = await post(tokens.sup1, `/api/sessions/${joint.id}/alliance-response`, {
      decision: 'accept',
      version: res.body.version,
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'overdue',
      startsAt: proposed,
      proposedStartsAt: null,
      availableActions: ['reschedule', 'cancel', 'record'],
    });
    expect((await t.db.getRepository(Session).findOneByOrFail({ id: joint.id })).status).toBe('scheduled');
    const cccView = await sessionOf(t, tokens.cccA, A, 'm1-joint');
    expect(cccView).toMatchObject({ status: 'overdue', startsAt: proposed, meetingLink: virtual.meetingLink });

    // 4. Held (it is in the past): recorded with attendance, notes and an agreed action.
    res = await post(tokens.sup1, `/api/sessions/${joint.id}/record`, {
      attendance: [{ enrolmentId: A, attendance: 'present' }],
      staffAttendance: { pcn_supervisor: 'present', alliance_supervisor: 'present' },
      notes: 'Agreed the PCN priorities: bowel screening uptake.',
      actions: [{ description: 'Share the screening list', owner: 'pcn_supervisor', dueDate: '2027-01-15' }],
      version: res.body.version,
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'completed',
      staffAttendance: { pcn_supervisor: 'present', alliance_supervisor: 'present' },
      actions: [
        expect.objectContaining({ description: 'Share the screening list', owner: 'pcn_supervisor', done: false }),
      ],
    });
    expect(res.body.history.map((h: { action: string }) => h.action)).toEqual([
      'book',
      'propose_slot',
      'accept_proposal',
      'record',
    ]);
    expect(res.body.history[1]).toMatchObject({
      actor: { id: world.people.pcnSupervisor1.id },
      from: 'awaiting_pcn',
      to: 'awaiting_alliance',
    });
    expect(await sessionOf(t, tokens.cccA, A, 'm1-joint')).toMatchObject({
      status: 'completed',
      attendance: 'present',
    });
    // The timeline marks who signed what: the Alliance accepted the PCN's time, then recorded the meeting.
    const signed = (await sessionOf(t, tokens.cccA, A, 'm1-joint')).signOffs;
    expect(signed.map((x) => [x.what, x.by?.id])).toEqual([
      ['slot_accepted', world.people.supervisor1.id],
      ['recorded', world.people.supervisor1.id],
    ]);
    expect((await sessionOf(t, tokens.pcn1, A, 'm1-joint')).status).toBe('completed');
  });

  it('refuses booking to a CCC and a PCN supervisor (403), and to an Alliance supervisor who has nothing to do with the CCC', async () => {
    const { world, tokens } = await setUp();
    const s = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-individual');
    const body = { startsAt: inMonth(world, 3, 2), durationMinutes: 45, ...virtual, version: s.version };
    await post(tokens.cccA, `/api/sessions/${s.id}/book`, body).expect(403);
    await post(tokens.pcn1, `/api/sessions/${s.id}/book`, body).expect(403);
    const other = await post(tokens.sup2, `/api/sessions/${s.id}/book`, body).expect(403);
    expect(other.body.message).toBe('You do not have access to this session');
    await post(tokens.cccC, `/api/sessions/${s.id}/pcn-response`, { decision: 'accept', version: 1 }).expect(403);
    // The PCN supervisor of another PCN cannot even read it.
    await t.http().get(`/api/sessions/${s.id}`).set('Authorization', tokens.pcn2).expect(403);
    expect((await t.db.getRepository(Session).findOneByOrFail({ id: s.id })).status).toBe('planned');
  });

  it('refuses a clash with 409 naming the other session; the Alliance may override with a reason; a group session counts for every attendee', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const individual = await sessionOf(t, tokens.sup1, A, 'm3-individual');
    const slot = inMonth(world, 3, 5);
    await post(tokens.sup1, `/api/sessions/${individual.id}/book`, {
      startsAt: slot,
      durationMinutes: 60,
      ...virtual,
      version: individual.version,
    }).expect(200);

    // The cohort's group supervision includes CCC A: booking it over A's individual session clashes.
    const group = await sessionOf(t, tokens.sup1, A, 'm3-group');
    const overlapping = inMonth(world, 3, 5, 10, 30);
    const clash = await post(tokens.sup1, `/api/sessions/${group.id}/book`, {
      startsAt: overlapping,
      durationMinutes: 60,
      ...virtual,
      version: group.version,
    }).expect(409);
    expect(clash.body.conflict).toEqual({
      sessionId: individual.id,
      title: individual.title,
      startsAt: slot,
      durationMinutes: 60,
    });
    expect(clash.body.message).toContain(`\u201c${individual.title}\u201d`);
    expect((await t.db.getRepository(Session).findOneByOrFail({ id: group.id })).status).toBe('planned');

    const forced = await post(tokens.sup1, `/api/sessions/${group.id}/book`, {
      startsAt: overlapping,
      durationMinutes: 60,
      ...virtual,
      conflictOverrideReason: 'CCC A joins the group for the second half',
      version: group.version,
    }).expect(200);
    expect(forced.body.status).toBe('scheduled');
    // Back to back (the group ends at 11:30) is not a clash.
    const joint = await sessionOf(t, tokens.sup1, A, 'm3-joint');
    await post(tokens.sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: inMonth(world, 3, 5, 11, 30),
      durationMinutes: 30,
      ...virtual,
      version: joint.version,
    }).expect(200);
  });

  it('lets only one of two simultaneous bookings of the same person at the same time win', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const individual = await sessionOf(t, tokens.sup1, A, 'm4-individual');
    const group = await sessionOf(t, tokens.sup1, A, 'm4-group');
    const slot = inMonth(world, 4, 3);
    const results = await Promise.all([
      post(tokens.sup1, `/api/sessions/${individual.id}/book`, {
        startsAt: slot,
        durationMinutes: 60,
        ...virtual,
        version: individual.version,
      }),
      post(tokens.admin, `/api/sessions/${group.id}/book`, {
        startsAt: slot,
        durationMinutes: 60,
        ...virtual,
        version: group.version,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const booked = await t.db.getRepository(Session).countBy([
      { id: individual.id, status: 'scheduled' },
      { id: group.id, status: 'scheduled' },
    ]);
    expect(booked).toBe(1);
  });

  it('checks a booking against the plan: duration range, link or place, and a reason outside the plan month', async () => {
    const { world, tokens } = await setUp();
    const joint = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-joint');
    const url = `/api/sessions/${joint.id}/book`;
    const bad = await post(tokens.sup1, url, {
      startsAt: inMonth(world, 3, 2),
      durationMinutes: 90,
      mode: 'virtual',
      version: joint.version,
    }).expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'durationMinutes', reason: 'this session lasts between 30 minutes and 1 hour' },
      { field: 'meetingLink', reason: 'a virtual session needs a meeting link' },
    ]);
    const malformed = await post(tokens.sup1, url, {
      startsAt: 'tomorrow',
      durationMinutes: 'long',
      mode: 'zoom',
      meetingLink: 'ftp://x',
      version: 0,
    }).expect(400);
    expect([...new Set((malformed.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual([
      'durationMinutes',
      'meetingLink',
      'mode',
      'startsAt',
      'version',
    ]);

    const late = inMonth(world, 4, 2);
    const outside = await post(tokens.sup1, url, {
      startsAt: late,
      durationMinutes: 30,
      mode: 'face_to_face',
      place: 'Surgery',
      version: joint.version,
    }).expect(400);
    expect(outside.body.errors).toEqual([
      { field: 'outOfMonthReason', reason: expect.stringContaining('this session belongs to month 3') },
    ]);

    const ok = await post(tokens.sup1, url, {
      startsAt: late,
      durationMinutes: 30,
      mode: 'face_to_face',
      place: 'Surgery',
      outOfMonthReason: 'The PCN manager is away in December',
      version: joint.version,
    }).expect(200);
    expect(ok.body).toMatchObject({
      outOfMonthReason: 'The PCN manager is away in December',
      place: 'Surgery',
      meetingLink: null,
    });
    // The reason shows on every timeline, the CCC's included.
    expect((await sessionOf(t, tokens.cccA, world.enrolments.A, 'm3-joint')).outOfMonthReason).toBe(
      'The PCN manager is away in December',
    );
    // A stale version is a 409 and changes nothing.
    const stale = await post(tokens.sup1, `/api/sessions/${joint.id}/reschedule`, {
      startsAt: inMonth(world, 3, 3),
      durationMinutes: 30,
      ...virtual,
      reason: 'Earlier',
      version: joint.version,
    }).expect(409);
    expect(stale.body.message).toContain('changed by someone else');
  });

  it('reschedules and cancels with a reason kept in the history; a cancelled session leaves the plan item to book again', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const s = await sessionOf(t, tokens.sup1, A, 'm3-individual');
    let res = await post(tokens.sup1, `/api/sessions/${s.id}/book`, {
      startsAt: inMonth(world, 3, 2),
      durationMinutes: 45,
      ...virtual,
      version: s.version,
    }).expect(200);
    res = await post(tokens.sup1, `/api/sessions/${s.id}/reschedule`, {
      startsAt: inMonth(world, 3, 9),
      durationMinutes: 60,
      ...virtual,
      reason: 'CCC on a course',
      version: res.body.version,
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'scheduled', startsAt: inMonth(world, 3, 9), durationMinutes: 60 });
    await post(tokens.sup1, `/api/sessions/${s.id}/cancel`, { reason: '', version: res.body.version }).expect(400);
    res = await post(tokens.sup1, `/api/sessions/${s.id}/cancel`, {
      reason: 'Supervisor off sick',
      version: res.body.version,
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Supervisor off sick',
      availableActions: [],
    });
    expect(res.body.history.map((h: { action: string; reason: string | null }) => [h.action, h.reason])).toEqual([
      ['book', null],
      ['reschedule', 'CCC on a course'],
      ['cancel', 'Supervisor off sick'],
    ]);
    // The reschedule keeps the old time beside the new one (#24); the cancellation moved nothing.
    expect(
      res.body.history.map((h: { startsAt: string | null; previousStartsAt: string | null }) => [
        h.previousStartsAt,
        h.startsAt,
      ]),
    ).toEqual([
      [null, inMonth(world, 3, 2)],
      [inMonth(world, 3, 2), inMonth(world, 3, 9)],
      [null, inMonth(world, 3, 9)],
    ]);

    const month3 = (await timeline(t, tokens.cccA, A)).months[2]!.sessions.filter(
      (x) => x.planItemKey === 'm3-individual',
    );
    expect(month3.map((x) => x.status)).toEqual(['planned', 'cancelled']);
    const replacement = month3[0]!;
    await post(tokens.sup1, `/api/sessions/${replacement.id}/book`, {
      startsAt: inMonth(world, 3, 10),
      durationMinutes: 45,
      ...virtual,
      version: replacement.version,
    }).expect(200);
    const audit = await t.db.getRepository(AuditEntry).countBy({ entityType: 'session', entityId: s.id });
    expect(audit).toBe(3);
  });

  it('records a group session for the whole register in one form, and refuses an incomplete register', async () => {
    const { world, tokens } = await setUp();
    const group = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm1-group');
    let res = await post(tokens.sup1, `/api/sessions/${group.id}/book`, {
      startsAt: inMonth(world, 1, 8),
      durationMinutes: 90,
      ...virtual,
      version: group.version,
    }).expect(200);
    const register = (res.body.attendees as { enrolmentId: string }[]).map((a) => a.enrolmentId).sort();
    expect(register).toEqual([world.enrolments.A, world.enrolments.C].sort());

    const partial = await post(tokens.sup1, `/api/sessions/${group.id}/record`, {
      attendance: [{ enrolmentId: world.enrolments.A, attendance: 'present' }],
      staffAttendance: { pcn_supervisor: 'present' },
      version: res.body.version,
    }).expect(400);
    expect(partial.body.errors).toEqual([
      { field: 'attendance', reason: 'every CCC on the register needs an attendance' },
      { field: 'staffAttendance.pcn_supervisor', reason: 'this session has no pcn supervisor' },
    ]);

    res = await post(tokens.sup1, `/api/sessions/${group.id}/record`, {
      attendance: [
        { enrolmentId: world.enrolments.A, attendance: 'present' },
        { enrolmentId: world.enrolments.C, attendance: 'apologies' },
      ],
      staffAttendance: { alliance_supervisor: 'present' },
      notes: 'Discussed safety netting.',
      version: res.body.version,
    }).expect(200);
    expect(res.body.status).toBe('completed');
    expect((await sessionOf(t, tokens.cccA, world.enrolments.A, 'm1-group')).attendance).toBe('present');
    expect((await sessionOf(t, tokens.cccC, world.enrolments.C, 'm1-group')).attendance).toBe('apologies');
    // Each CCC sees only their own line of a group register, and not the group's notes.
    const cView = await view(t, tokens.cccC, group.id);
    expect(cView.attendees.map((a) => a.enrolmentId)).toEqual([world.enrolments.C]);
    expect(cView.notes).toBeNull();
    expect((await view(t, tokens.sup1, group.id)).notes).toBe('Discussed safety netting.');
  });

  it('shows a booked session not recorded within 7 days as overdue, and lists the caseload with what needs doing', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const s = await sessionOf(t, tokens.sup1, A, 'm2-individual');
    await post(tokens.sup1, `/api/sessions/${s.id}/book`, {
      startsAt: inMonth(world, 2, 1),
      durationMinutes: 45,
      ...virtual,
      version: s.version,
    }).expect(200);
    expect((await sessionOf(t, tokens.cccA, A, 'm2-individual')).status).toBe('overdue');
    const upcoming = await sessionOf(t, tokens.sup1, A, 'm3-joint');
    await post(tokens.sup1, `/api/sessions/${upcoming.id}/book`, {
      startsAt: inMonth(world, 3, 6),
      durationMinutes: 30,
      ...virtual,
      version: upcoming.version,
    }).expect(200);

    const caseload = (await t.http().get('/api/caseload').set('Authorization', tokens.sup1).expect(200)).body as {
      enrolment: { id: string };
      unbooked: number;
      awaiting: number;
      overdue: number;
      notHeld: number;
      didNotAttend: number;
      next: { id: string } | null;
      toBook: { id: string; title: string; month: number } | null;
    }[];
    expect(caseload.map((r) => r.enrolment.id).sort()).toEqual([A, world.enrolments.B].sort());
    const rowA = caseload.find((r) => r.enrolment.id === A)!;
    // Month 3: individual, group, teaching unbooked; the joint review waits for the PCN supervisor.
    expect(rowA).toMatchObject({ unbooked: 3, awaiting: 1, overdue: 1, next: { id: upcoming.id } });
    // Months 1 and 2: 5 + 3 sessions, less the one booked.
    expect(rowA.notHeld).toBe(7);
    expect(rowA.didNotAttend).toBe(0);
    // The next to book from the row: the CCC's own month 3 session, not a month already over, not a group one.
    const individual = await sessionOf(t, tokens.sup1, A, 'm3-individual');
    expect(rowA.toBook).toEqual({ id: individual.id, title: individual.title, month: 3 });
    await t.http().get('/api/caseload').set('Authorization', tokens.cccA).expect(403);
    await t.http().get('/api/caseload').set('Authorization', tokens.pcn1).expect(403);
  });

  it('gives each person an agenda of their own sessions in a week', async () => {
    const { world, tokens } = await setUp();
    const group = await sessionOf(t, tokens.sup1, world.enrolments.A, 'm3-group');
    const startsAt = inMonth(world, 3, 4);
    await post(tokens.sup1, `/api/sessions/${group.id}/book`, {
      startsAt,
      durationMinutes: 60,
      ...virtual,
      version: group.version,
    }).expect(200);
    const from = startsAt.slice(0, 10);
    const agenda = async (token: string) =>
      (await t.http().get(`/api/agenda?from=${from}&days=7`).set('Authorization', token).expect(200)).body;
    const forSupervisor = await agenda(tokens.sup1);
    expect(forSupervisor).toEqual([
      expect.objectContaining({
        id: group.id,
        startsAt,
        cccs: expect.arrayContaining([expect.objectContaining({ id: world.people.cccA.id })]),
      }),
    ]);
    expect(forSupervisor[0].cccs).toHaveLength(2);
    const forC = await agenda(tokens.cccC);
    expect(forC).toHaveLength(1);
    expect(forC[0].cccs).toEqual([{ id: world.people.cccC.id, fullName: world.people.cccC.fullName }]);
    expect(await agenda(tokens.pcn1)).toEqual([]);
    const bad = await t.http().get('/api/agenda?from=next-week&days=99').set('Authorization', tokens.cccA).expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['from', 'days']);
  });

  it("shows on the caseload row the CCC's next booked session, the next one to book and the counts", async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const current = (await timeline(t, tokens.sup1, A)).enrolment.currentMonth!;
    const individual = await sessionOf(t, tokens.sup1, A, `m${current + 1}-individual`);
    const startsAt = inMonth(world, current + 1, 3);
    await post(tokens.sup1, `/api/sessions/${individual.id}/book`, {
      startsAt,
      durationMinutes: 45,
      ...virtual,
      version: individual.version,
    }).expect(200);
    type Row = {
      enrolment: { id: string };
      upcoming: number;
      next: { id: string; title: string; startsAt: string } | null;
      toBook: { id: string; title: string; month: number } | null;
    };
    const rows = (await t.http().get('/api/caseload').set('Authorization', tokens.sup1).expect(200)).body as Row[];
    const rowA = rows.find((r) => r.enrolment.id === A)!;
    expect(rowA.next).toEqual({ id: individual.id, title: individual.title, startsAt });
    expect(rowA.upcoming).toBe(1);
    // The next to book is one of the CCC's own sessions still planned, from this month on.
    const planned = (await timeline(t, tokens.sup1, A)).months
      .flatMap((m) => m.sessions)
      .filter((s) => s.status === 'planned' && !s.sharedByCohort);
    expect(rowA.toBook).not.toBeNull();
    expect(rowA.toBook!.id).not.toBe(individual.id);
    expect(planned.map((s) => s.id)).toContain(rowA.toBook!.id);
    expect(rowA.toBook!.month).toBeGreaterThanOrEqual(current);
  });
});
