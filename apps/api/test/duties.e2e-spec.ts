import type { DutiesResponse, ExpectationsResponse } from '@ccc/contracts';
import { addCalendarMonths, DEFAULT_TEMPLATE, dueReminders, londonDate, programmeEndsBefore } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { loadReminderFacts } from '../src/notifications/reminder-facts';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, type World } from './support/world';

/*
 * The Table 2 duties (#15 item 12): the PCN's six and the Alliance's five, each confirmed on its own by its party,
 * never before it can be true; the PCN's expectation counts those that can be true in the programme; the later
 * ones are reminded when they can be confirmed.
 */
describe('Table 2 duties', () => {
  let t: TestApp;
  let world: World;
  let tokens: Record<'admin' | 'sup1' | 'pcn1' | 'pcn2' | 'cccA', string>;
  const today = londonDate(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    // Started seven months ago: the programme has ended, so follow-on supervision can be confirmed.
    world = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 7 });
    tokens = {
      admin: await tokenFor(t, world.people.admin),
      sup1: await tokenFor(t, world.people.supervisor1),
      pcn1: await tokenFor(t, world.people.pcnSupervisor1),
      pcn2: await tokenFor(t, world.people.pcnSupervisor2),
      cccA: await tokenFor(t, world.people.cccA),
    };
  });
  afterAll(() => t.close());

  const duties = async (token: string, enrolmentId = world.enrolments.A) =>
    (await t.http().get(`/api/enrolments/${enrolmentId}/duties`).set('Authorization', token).expect(200))
      .body as DutiesResponse;
  const attest = (token: string, key: string, body: object, enrolmentId = world.enrolments.A) =>
    postAs(t, token, `/api/enrolments/${enrolmentId}/duties/${key}/attestation`, body);
  const canAttest = (body: DutiesResponse) => body.duties.filter((d) => d.canAttest).map((d) => d.key);

  it('lists each party’s duties with when each can be confirmed, and who may confirm it now', async () => {
    const asPcn = await duties(tokens.pcn1);
    expect(asPcn.duties.map((d) => [d.key, d.party])).toEqual(DEFAULT_TEMPLATE.duties!.map((d) => [d.key, d.party]));
    const followOn = asPcn.duties.find((d) => d.key === 'pcn-follow-on-supervision')!;
    expect(followOn.attestableFrom).toBe(programmeEndsBefore(world.startDate, 6));
    // CCC A's employment began a month before the cohort: the appraisal is a year after that, still ahead.
    const appraisal = asPcn.duties.find((d) => d.key === 'pcn-appraisal')!;
    expect(appraisal.attestableFrom).toBe(addCalendarMonths(addCalendarMonths(world.startDate, -1), 12));
    expect(canAttest(asPcn)).toEqual([
      'pcn-mandatory-training',
      'pcn-local-induction',
      'pcn-systems-training',
      'pcn-clinical-supervision',
      'pcn-follow-on-supervision',
    ]);
    expect(canAttest(await duties(tokens.sup1))).toEqual(
      DEFAULT_TEMPLATE.duties!.filter((d) => d.party === 'alliance').map((d) => d.key),
    );
    expect(canAttest(await duties(tokens.cccA))).toEqual([]);
    // Another PCN's supervisor does not read this CCC.
    await t.http().get(`/api/enrolments/${world.enrolments.A}/duties`).set('Authorization', tokens.pcn2).expect(403);
  });

  it('refuses a duty before it can be true, from the wrong party, twice, or unknown; changes nothing then', async () => {
    const before = await t.db.getRepository(AuditEntry).countBy({ action: 'duty.attested' });
    const appraisalFrom = addCalendarMonths(addCalendarMonths(world.startDate, -1), 12);
    let res = await attest(tokens.pcn1, 'pcn-appraisal', { attestedOn: today }).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'attestedOn', reason: `this can only be confirmed from ${appraisalFrom}` },
    ]);
    res = await attest(tokens.pcn1, 'pcn-follow-on-supervision', { attestedOn: world.startDate }).expect(400);
    expect(res.body.errors[0].field).toBe('attestedOn');
    await attest(tokens.pcn1, 'pcn-local-induction', { attestedOn: addCalendarMonths(today, 1) }).expect(400);
    await attest(tokens.cccA, 'pcn-local-induction', { attestedOn: today }).expect(403);
    await attest(tokens.sup1, 'pcn-local-induction', { attestedOn: today }).expect(403);
    await attest(tokens.pcn1, 'alliance-training-needs-analysis', { attestedOn: today }).expect(403);
    await attest(tokens.pcn1, 'no-such-duty', { attestedOn: today }).expect(404);
    await attest(tokens.pcn1, 'pcn-local-induction', { attestedOn: 'yesterday' }).expect(400);
    expect(await t.db.getRepository(AuditEntry).countBy({ action: 'duty.attested' })).toBe(before);

    res = await attest(tokens.pcn1, 'pcn-follow-on-supervision', {
      attestedOn: today,
      note: 'Dr Patel supervises from March',
    }).expect(201);
    const confirmed = (res.body as DutiesResponse).duties.find((d) => d.key === 'pcn-follow-on-supervision')!;
    expect(confirmed).toMatchObject({
      canAttest: false,
      attestation: {
        attestedOn: today,
        attestedBy: { id: world.people.pcnSupervisor1.id },
        note: 'Dr Patel supervises from March',
      },
    });
    await attest(tokens.pcn1, 'pcn-follow-on-supervision', { attestedOn: today }).expect(409);
    const [audit] = await t.db.query(
      `SELECT actor_id, detail FROM audit_entry WHERE action = 'duty.attested' AND entity_id = $1`,
      [world.enrolments.A],
    );
    expect(audit).toMatchObject({
      actor_id: world.people.pcnSupervisor1.id,
      detail: { dutyKey: 'pcn-follow-on-supervision', party: 'pcn', attestedOn: today },
    });
  });

  it('meets the PCN’s Table 2 expectation once the duties that can be true in the programme are confirmed', async () => {
    const expectation = async () =>
      (
        (
          await t
            .http()
            .get(`/api/enrolments/${world.enrolments.A}/expectations`)
            .set('Authorization', tokens.pcn1)
            .expect(200)
        ).body as ExpectationsResponse
      ).results.find((r) => r.key === 'pcn-table-2')!;
    // The programme has ended with none of the four confirmed.
    expect(await expectation()).toMatchObject({ state: 'missed', progress: { done: 0, target: 4 } });
    for (const key of ['pcn-mandatory-training', 'pcn-local-induction', 'pcn-systems-training'])
      await attest(tokens.pcn1, key, { attestedOn: world.startDate }).expect(201);
    expect((await expectation()).progress).toEqual({ done: 3, target: 4 });
    await attest(tokens.pcn1, 'pcn-clinical-supervision', { attestedOn: world.startDate }).expect(201);
    const met = await expectation();
    expect(met.state).toBe('met');
    expect(met.evidence).toMatch(
      /^4 of 4 duties confirmed; later: follow-on supervision after 6 months \(confirmed\), 1-year appraisal \(from /,
    );
    // The Alliance's duties are its own: confirmed by its supervisor.
    await attest(tokens.sup1, 'alliance-support-postholder', { attestedOn: today }).expect(201);
  });

  it('reminds the party when a later duty can be confirmed, until it is', async () => {
    const now = new Date();
    const due = dueReminders(await loadReminderFacts(t.db.manager, now), now).filter(
      (r) => r.kind === 'duty_can_be_confirmed' && Object.values(world.enrolments).includes(r.subjectId),
    );
    // CCC A's follow-on supervision is confirmed; B's and C's are not, and their appraisals are not yet due
    // (B, on the training track, was employed two years ago: the appraisal is due too).
    const byEnrolment = (id: string) =>
      due
        .filter((r) => r.subjectId === id)
        .map((r) => [r.recipientId, r.occasion.split('@')[0]])
        .sort();
    expect(byEnrolment(world.enrolments.A)).toEqual([]);
    expect(byEnrolment(world.enrolments.B)).toEqual(
      [
        [world.people.pcnSupervisor1.id, 'pcn-appraisal'],
        [world.people.pcnSupervisor1.id, 'pcn-follow-on-supervision'],
      ].sort(),
    );
    expect(byEnrolment(world.enrolments.C)).toEqual([[world.people.pcnSupervisor2.id, 'pcn-follow-on-supervision']]);
    expect(due.find((r) => r.subjectId === world.enrolments.C)).toMatchObject({
      subjectType: 'enrolment',
      link: `/enrolments/${world.enrolments.C}/expectations`,
      title: expect.stringContaining('Follow-on supervision after 6 months'),
    });
  });

  it('takes no duty for a withdrawn CCC', async () => {
    const C = world.enrolments.C;
    const [{ version }] = await t.db.query(`SELECT version FROM enrolment WHERE id = $1`, [C]);
    await postAs(t, tokens.admin, `/api/enrolments/${C}/withdraw`, { reason: 'Left the PCN', version }).expect(200);
    expect(canAttest(await duties(tokens.pcn2, C))).toEqual([]);
    await attest(tokens.pcn2, 'pcn-local-induction', { attestedOn: today }, C).expect(409);
  });
});
