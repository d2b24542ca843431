import { addCalendarDays, londonDate, type ResumePreview } from '@ccc/programme';
import type { SignedRecords } from '@ccc/contracts';
import { inMonth, sessionOf, timeline, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, worldWithTokens } from './support/world';

/**
 * Pausing and resuming a CCC (#16 item 4), and a replaced supervisor's read access to what they signed. The world's
 * cohort started two months ago, so a pause from 20 days ago began in month 2.
 */
describe('pausing and resuming an enrolment; a replaced supervisor reads what they signed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const today = () => londonDate(new Date());
  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const patch = (token: string, path: string, body: object) =>
    t.http().patch(path).set('Authorization', token).send(body);
  const auditOf = async (action: string, entityId: string) =>
    (
      (await t.db.query(`SELECT detail FROM audit_entry WHERE action = $1 AND entity_id = $2 ORDER BY at`, [
        action,
        entityId,
      ])) as { detail: Record<string, unknown> }[]
    ).map((r) => r.detail);
  const monthOf = async (id: string) =>
    ((await t.db.query(`SELECT month FROM session WHERE id = $1`, [id])) as { month: number }[])[0]!.month;

  it('pauses with a reason, refuses bookings and study time while paused, previews and resumes shifting the plan', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const path = `/api/enrolments/${A}`;
    // Booked before the pause: it keeps its date whatever the administrator chooses.
    const m5 = await sessionOf(t, tokens.sup1, A, 'm5-individual');
    await post(tokens.sup1, `/api/sessions/${m5.id}/book`, {
      startsAt: inMonth(world, 5, 3),
      durationMinutes: 60,
      ...virtual,
      version: m5.version,
    }).expect(200);
    const m2 = await sessionOf(t, tokens.sup1, A, 'm2-individual');
    const m4 = await sessionOf(t, tokens.sup1, A, 'm4-individual');
    const m1 = await sessionOf(t, tokens.sup1, A, 'm1-individual');

    let version = (await get(tokens.admin, path).expect(200)).body.version;
    const from = addCalendarDays(today(), -20);
    const paused = await post(tokens.admin, `${path}/pause`, { from, reason: ' Sick leave ', version }).expect(200);
    expect(paused.body).toMatchObject({ status: 'active', pausedFrom: from, pauseReason: 'Sick leave' });
    version = paused.body.version;
    expect(await auditOf('enrolment.paused', A)).toEqual([
      { before: { pausedFrom: null }, after: { pausedFrom: from }, effectiveFrom: from, reason: 'Sick leave' },
    ]);

    // Paused: shown wherever the enrolment is; nothing new booked or requested for the CCC.
    const caseload = (await get(tokens.sup1, '/api/caseload').expect(200)).body as {
      enrolment: { id: string; pausedFrom: string | null };
    }[];
    expect(caseload.find((r) => r.enrolment.id === A)?.enrolment.pausedFrom).toBe(from);
    expect((await timeline(t, tokens.cccA, A)).enrolment.pausedFrom).toBe(from);
    const pcnHome = JSON.stringify((await get(tokens.pcn1, '/api/pcn-home').expect(200)).body);
    expect(pcnHome).toContain(`"pausedFrom":"${from}"`);
    const refused = await post(tokens.sup1, `/api/sessions/${m4.id}/book`, {
      startsAt: inMonth(world, 4, 3),
      durationMinutes: 60,
      ...virtual,
      version: m4.version,
    }).expect(409);
    expect(refused.body.message).toContain(`paused from ${from}`);
    await post(tokens.cccA, `${path}/release-requests`, {
      kind: 'study',
      date: addCalendarDays(today(), -1),
      minutes: 60,
      description: 'Reading',
    }).expect(409);
    // Pausing twice says so.
    const twice = await post(tokens.admin, `${path}/pause`, { from, reason: 'Again', version }).expect(409);
    expect(twice.body.message).toContain(`already paused from ${from}`);

    // The preview: which sessions move, from which month to which, changing nothing.
    const body = { from: today(), shift: true, version };
    const preview: ResumePreview = (await post(tokens.admin, `${path}/resume/preview`, body).expect(200)).body;
    expect(preview.shiftMonths).toBe(1);
    const byId = new Map(preview.sessions.map((s) => [s.id, s]));
    expect(byId.get(m2.id)).toMatchObject({ moves: true, from: { month: 2 }, to: { month: 3 } });
    expect(byId.get(m4.id)).toMatchObject({ moves: true, from: { month: 4 }, to: { month: 5 } });
    expect(byId.get(m5.id)).toMatchObject({ moves: false, why: 'booked or held: it keeps its date' });
    expect(byId.get(m1.id)).toMatchObject({ moves: false, why: 'its month ended before the pause' });
    expect(await monthOf(m2.id)).toBe(2);
    expect((await get(tokens.admin, path).expect(200)).body.version).toBe(version);
    // Kept as it was, nothing moves.
    const kept: ResumePreview = (
      await post(tokens.admin, `${path}/resume/preview`, { ...body, shift: false }).expect(200)
    ).body;
    expect(kept.sessions.some((s) => s.moves)).toBe(false);

    // Refusals change nothing: stale, a day back before the pause, another role.
    await post(tokens.admin, `${path}/resume`, { ...body, version: version - 1 }).expect(409);
    const early = await post(tokens.admin, `${path}/resume`, { ...body, from }).expect(400);
    expect(early.body.errors).toEqual([{ field: 'from', reason: expect.stringContaining('after the pause began') }]);
    const noShift = await post(tokens.admin, `${path}/resume`, { from: today(), version }).expect(400);
    expect(noShift.body.errors.map((e: { field: string }) => e.field)).toEqual(['shift']);
    await post(tokens.sup1, `${path}/resume`, body).expect(403);
    expect(await monthOf(m2.id)).toBe(2);

    const resumed = await post(tokens.admin, `${path}/resume`, body).expect(200);
    expect(resumed.body).toMatchObject({ pausedFrom: null, version: version + 1 });
    expect(await monthOf(m2.id)).toBe(3);
    expect(await monthOf(m4.id)).toBe(5);
    expect(await monthOf(m5.id)).toBe(5);
    const [entry] = await auditOf('enrolment.resumed', A);
    expect(entry).toMatchObject({
      before: { pausedFrom: from },
      after: { pausedFrom: null, shiftedMonths: 1 },
      effectiveFrom: today(),
      shift: true,
    });
    expect(entry!['movedSessions']).toEqual(
      expect.arrayContaining([
        { id: m2.id, fromMonth: 2, toMonth: 3 },
        { id: m4.id, fromMonth: 4, toMonth: 5 },
      ]),
    );
    // The timeline shows the moved session in its new month; it can be booked again there.
    const months = (await timeline(t, tokens.sup1, A)).months;
    expect(months.find((m) => m.month === 3)?.sessions.map((s) => s.id)).toContain(m2.id);
    const moved = await sessionOf(t, tokens.sup1, A, 'm2-individual');
    await post(tokens.sup1, `/api/sessions/${m2.id}/book`, {
      startsAt: inMonth(world, 3, 5),
      durationMinutes: 60,
      ...virtual,
      version: moved.version,
    }).expect(200);
    // Resuming twice is a 409; the history lists both.
    await post(tokens.admin, `${path}/resume`, { ...body, version: version + 1 }).expect(409);
    const history = (await get(tokens.admin, `${path}/changes`).expect(200)).body as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['enrolment.created', 'enrolment.paused', 'enrolment.resumed']);
  });

  it('resumes without shifting: nothing moves; a second pause starts no earlier than the day back', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const path = `/api/enrolments/${world.enrolments.C}`;
    const m4 = await sessionOf(t, tokens.sup2, world.enrolments.C, 'm4-individual');
    let version = (await get(tokens.admin, path).expect(200)).body.version;
    const from = addCalendarDays(today(), -20);
    version = (await post(tokens.admin, `${path}/pause`, { from, reason: 'Leave', version }).expect(200)).body.version;
    const back = addCalendarDays(today(), -5);
    version = (await post(tokens.admin, `${path}/resume`, { from: back, shift: false, version }).expect(200)).body
      .version;
    expect(await monthOf(m4.id)).toBe(4);
    const [entry] = await auditOf('enrolment.resumed', world.enrolments.C);
    expect(entry).toMatchObject({ after: { shiftedMonths: 0 }, movedSessions: [] });
    const again = await post(tokens.admin, `${path}/pause`, { from, reason: 'Leave', version }).expect(400);
    expect(again.body.errors).toEqual([{ field: 'from', reason: expect.stringContaining(back) }]);
    await post(tokens.admin, `${path}/pause`, { from: back, reason: 'Leave again', version }).expect(200);
  });

  it('refuses a pause of a withdrawn enrolment (409), bad fields (400), other roles (403), another Alliance (404)', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const other = await createWorld(t);
    const otherAdmin = await tokenFor(t, other.people.admin);
    const path = `/api/enrolments/${world.enrolments.B}`;
    let version = (await get(tokens.admin, path).expect(200)).body.version;
    const body = { from: today(), reason: 'Leave', version };
    const fieldOf = async (extra: object) =>
      (await post(tokens.admin, `${path}/pause`, { ...body, ...extra }).expect(400)).body.errors.map(
        (e: { field: string }) => e.field,
      );
    expect(await fieldOf({ from: addCalendarDays(today(), 1) })).toEqual(['from']);
    expect(await fieldOf({ from: '2000-01-01' })).toEqual(['from']);
    expect(await fieldOf({ from: '2026-02-30' })).toEqual(['from']);
    expect(await fieldOf({ reason: '  ' })).toEqual(['reason']);
    await post(tokens.admin, `${path}/pause`, { ...body, version: version + 1 }).expect(409);
    await post(tokens.sup1, `${path}/pause`, body).expect(403);
    await post(tokens.pcn1, `${path}/pause`, body).expect(403);
    await post(otherAdmin, `${path}/pause`, body).expect(404);
    await post(otherAdmin, `${path}/resume/preview`, { from: today(), shift: true, version }).expect(404);
    const notPaused = await post(tokens.admin, `${path}/resume`, { from: today(), shift: true, version }).expect(409);
    expect(notPaused.body.message).toBe('This enrolment is not paused');
    expect((await get(tokens.admin, path).expect(200)).body).toMatchObject({ version, pausedFrom: null });

    version = (await post(tokens.admin, `${path}/withdraw`, { reason: 'Left the post', version }).expect(200)).body
      .version;
    const withdrawn = await post(tokens.admin, `${path}/pause`, { ...body, version }).expect(409);
    expect(withdrawn.body.message).toBe('This enrolment is withdrawn; only an active enrolment is paused');
  });

  it('lets a replaced Alliance supervisor read the sign-off they made, never sign again nor read later records', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const base = (code: string) => `/api/enrolments/${A}/competencies/${code}`;
    const signOff = async (token: string, code: string) => {
      await post(tokens.cccA, `${base(code)}/evidence`, {
        kind: 'reflection',
        text: `What I did for ${code}, at some length.`,
      }).expect(201);
      const version = (await get(token, base(code)).expect(200)).body.progress.version;
      await post(token, `${base(code)}/sign-off`, { rating: 3, comment: `Signed ${code}`, version }).expect(200);
    };
    await signOff(tokens.sup1, 'SN-03');
    // Not yet replaced: there is nothing of theirs to read this way.
    await get(tokens.sup1, `/api/enrolments/${A}/signed-by-me`).expect(403);

    const version = (await get(tokens.admin, `/api/enrolments/${A}`).expect(200)).body.version;
    await patch(tokens.admin, `/api/enrolments/${A}`, {
      allianceSupervisorId: world.people.supervisor2.id,
      effectiveFrom: today(),
      reason: 'Caseloads rebalanced',
      version,
    }).expect(200);
    await signOff(tokens.sup2, 'PC-02');

    const mine: SignedRecords = (await get(tokens.sup1, `/api/enrolments/${A}/signed-by-me`).expect(200)).body;
    expect(mine).toMatchObject({ enrolmentId: A, until: today(), role: 'alliance_supervisor' });
    expect(mine.signOffs).toEqual([expect.objectContaining({ competencyCode: 'SN-03', outcome: 'signed_off' })]);
    // The new supervisor's later sign-off, the enrolment itself and its record are no longer theirs.
    expect(JSON.stringify(mine)).not.toContain('PC-02');
    await get(tokens.sup1, `/api/enrolments/${A}`).expect(403);
    await get(tokens.sup1, base('PC-02')).expect(403);
    await post(tokens.cccA, `${base('SN-04')}/evidence`, {
      kind: 'reflection',
      text: 'Something else I did here.',
    }).expect(201);
    const sn04 = (await get(tokens.sup2, base('SN-04')).expect(200)).body.progress.version;
    await post(tokens.sup1, `${base('SN-04')}/sign-off`, { rating: 3, comment: 'Signed late', version: sn04 }).expect(
      403,
    );
    // The new supervisor is not a former one; another Alliance's administrator finds nothing.
    await get(tokens.sup2, `/api/enrolments/${A}/signed-by-me`).expect(403);
    const other = await createWorld(t);
    await get(await tokenFor(t, other.people.supervisor1), `/api/enrolments/${A}/signed-by-me`).expect(404);
  });
});
