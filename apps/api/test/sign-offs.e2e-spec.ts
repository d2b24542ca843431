import type { MySignOffsResponse, TimelineResponse } from '@ccc/contracts';
import { DEFAULT_TEMPLATE, type SignOffEvent } from '@ccc/programme';
import { binary } from './support/binary';
import { pdfStructure, pdfToText } from './support/poppler';
import { inMonth, sessionOf, timeline, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { EnrolmentCommands } from '../src/enrolments/enrolment-commands.service';
import {
  createPerson,
  createWorld,
  postAs,
  tokenFor,
  type World,
  type WorldPerson,
  type worldWithTokens,
} from './support/world';

type Tokens = Awaited<ReturnType<typeof worldWithTokens>>['tokens'];

describe('sign-offs: every sign-off on each party’s timeline, and each party’s own page (#24)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const mine = async (token: string, query = ''): Promise<MySignOffsResponse> =>
    (await get(token, `/api/sign-offs${query}`).expect(200)).body;
  const events = (body: TimelineResponse) => body.months.flatMap((m) => m.signOffEvents);
  const base = (enrolmentId: string, code: string) => `/api/enrolments/${enrolmentId}/competencies/${code}`;

  /** The CCC submits evidence; the competency's version after it, for the reviewer's next step. */
  async function submitEvidence(tokens: Tokens, enrolmentId: string, code: string): Promise<number> {
    const res = await post(tokens.cccA, `${base(enrolmentId, code)}/evidence`, {
      kind: 'reflection',
      text: 'I set up a weekly list of FIT kits not returned after 14 days.',
    }).expect(201);
    return res.body.progress.version;
  }

  /** A world whose cohort started five months ago: month 6 is the current one, months 1–5 are past. */
  async function setUp() {
    const world = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo: 5 });
    const sign = (person: WorldPerson) => tokenFor(t, person);
    const tokens = {
      admin: await sign(world.people.admin),
      sup1: await sign(world.people.supervisor1),
      sup2: await sign(world.people.supervisor2),
      pcn1: await sign(world.people.pcnSupervisor1),
      pcn2: await sign(world.people.pcnSupervisor2),
      cccA: await sign(world.people.cccA),
      cccC: await sign(world.people.cccC),
    };
    return { world, tokens };
  }

  /**
   * One record of every other kind for CCC A, written as the services write them, in months 1, 2, 4 and 5:
   * a TNA round signed by both, round 2 signed by the CCC only, a training item done, an attestation, a release
   * decision, and a handover the CCC has signed, amended once.
   */
  async function recordsOfEveryKind(world: World) {
    const A = world.enrolments.A;
    const p = world.people;
    await t.db.query(
      `INSERT INTO tna (enrolment_id, round, ccc_signed_at, ccc_signed_by_id, supervisor_signed_at, supervisor_signed_by_id)
       VALUES ($1, 1, $2, $3, $4, $5), ($1, 2, $6, $3, NULL, NULL)`,
      [A, inMonth(world, 1, 5), p.cccA.id, inMonth(world, 1, 6), p.supervisor1.id, inMonth(world, 2, 1)],
    );
    await t.db.query(
      `INSERT INTO training_plan_item (enrolment_id, kind, title, target_month, completed_on, completed_via, created_by_id, updated_at)
       VALUES ($1, 'free', 'Ardens templates', 2, $2, 'ccc', $3, $4)`,
      [A, inMonth(world, 2, 2).slice(0, 10), p.cccA.id, inMonth(world, 2, 3)],
    );
    await t.db.query(
      `INSERT INTO attestation (enrolment_id, expectation_key, party, attested_by_id, attested_on, created_at)
       VALUES ($1, 'ccc-community-of-practice', 'ccc', $2, $3, $4)`,
      [A, p.cccA.id, inMonth(world, 2, 4).slice(0, 10), inMonth(world, 2, 4)],
    );
    await t.db.query(
      `INSERT INTO release_request (enrolment_id, kind, date, minutes, description, status, decided_by_id, decided_at, decision_reason)
       VALUES ($1, 'study', $2, 90, 'Study: ACCEND module 2', 'declined', $3, $4, 'Clinic cover that week')`,
      [A, inMonth(world, 4, 9).slice(0, 10), p.pcnSupervisor1.id, inMonth(world, 4, 2)],
    );
    const [handover] = await t.db.query(
      `INSERT INTO handover_interview (enrolment_id, role_evaluation, ccc_signed_at, ccc_signed_by_id)
       VALUES ($1, 'Working well', $2, $3) RETURNING id`,
      [A, inMonth(world, 5, 3), p.cccA.id],
    );
    await t.db.query(
      `INSERT INTO enrolment_amendment (enrolment_id, record, record_id, reason, before, after, amended_by_id, created_at)
       VALUES ($1, 'handover', $2, 'Typo in the evaluation', '{}', '{}', $3, $4)`,
      [A, handover.id, p.supervisor1.id, inMonth(world, 5, 4)],
    );
  }

  it('places every kind of sign-off in its month on the timeline, the same for the CCC and both supervisors', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    await recordsOfEveryKind(world);
    // A competency signed off after a return, over HTTP as the people do it (month 6, the current one).
    let version = await submitEvidence(tokens, A, 'SN-03');
    await post(tokens.sup1, `${base(A, 'SN-03')}/return`, { comment: 'Add what changed', version }).expect(200);
    version = await submitEvidence(tokens, A, 'SN-03');
    await post(tokens.sup1, `${base(A, 'SN-03')}/sign-off`, { rating: 3, comment: 'Thorough', version }).expect(200);
    // The PCN supervisor accepts the slot offered for the month-1 joint session.
    const joint = await sessionOf(t, tokens.sup1, A, 'm1-joint');
    const offered = await post(tokens.sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: inMonth(world, 1, 3),
      durationMinutes: 45,
      ...virtual,
      version: joint.version,
    }).expect(200);
    await post(tokens.pcn1, `/api/sessions/${joint.id}/pcn-response`, {
      decision: 'accept',
      version: offered.body.version,
    }).expect(200);

    const byCcc = await timeline(t, tokens.cccA, A);
    const summary = (e: SignOffEvent) => [e.kind, e.month, e.by?.id ?? null, e.summary];
    const p = world.people;
    expect(events(byCcc).map(summary)).toEqual([
      ['tna', 1, p.cccA.id, 'Signed TNA round 1 as the CCC'],
      ['tna', 1, p.supervisor1.id, 'Signed TNA round 1 as the Alliance supervisor'],
      ['tna', 2, p.cccA.id, 'Signed TNA round 2 as the CCC'],
      ['training', 2, p.cccA.id, expect.stringContaining('Completed "Ardens templates"')],
      ['attestation', 2, p.cccA.id, expect.stringContaining('Attested "')],
      ['release', 4, p.pcnSupervisor1.id, expect.stringContaining('Declined 1 h 30 min release')],
      ['handover', 5, p.cccA.id, 'Signed the handover as the CCC'],
      ['amendment', 5, p.supervisor1.id, 'Amended the handover record'],
      ['competency', 6, p.supervisor1.id, 'Returned SN-03 for more evidence'],
      ['competency', 6, p.supervisor1.id, 'Signed off SN-03 at level 3'],
      // Accepted today (month 6), for a session of month 1: a sign-off sits in the month it was given.
      ['session', 6, p.pcnSupervisor1.id, expect.stringMatching(/^Accepted the slot for /)],
    ]);
    const competencyEvents = events(byCcc).filter((e) => e.kind === 'competency');
    expect(competencyEvents[0]).toMatchObject({
      outcome: 'returned',
      reason: 'Add what changed',
      competencyCode: 'SN-03',
    });
    expect(competencyEvents[1]).toMatchObject({
      outcome: 'signed_off',
      rating: 3,
      link: { record: 'competency', code: 'SN-03' },
    });
    expect(events(byCcc).find((e) => e.kind === 'release')).toMatchObject({
      reason: 'Clinic cover that week',
      minutes: 90,
    });
    expect(events(byCcc).find((e) => e.kind === 'handover')).toMatchObject({
      signature: 'ccc',
      link: { record: 'handover', enrolmentId: A },
    });

    // The same events for the PCN supervisor and the Alliance supervisor; each told what awaits whom, and whether
    // it is theirs to do.
    const byPcn = await timeline(t, tokens.pcn1, A);
    const bySupervisor = await timeline(t, tokens.sup1, A);
    expect(events(byPcn)).toEqual(events(byCcc));
    expect(events(bySupervisor)).toEqual(events(byCcc));
    // Booking the joint session asked the PCN for the CCC's release for it: that awaits the PCN too.
    const awaiting = (body: TimelineResponse) =>
      body.awaitingSignOffs.map((a) => [a.key.replace(/^release:.*/, 'release'), a.awaiting, a.yours]);
    expect(awaiting(bySupervisor)).toEqual([
      ['tna:2:supervisor', 'alliance', true],
      ['handover:alliance_supervisor', 'alliance', true],
      ['handover:pcn_supervisor', 'pcn', false],
      ['release', 'pcn', false],
    ]);
    expect(awaiting(byPcn)).toEqual([
      ['tna:2:supervisor', 'alliance', false],
      ['handover:alliance_supervisor', 'alliance', false],
      ['handover:pcn_supervisor', 'pcn', true],
      ['release', 'pcn', true],
    ]);
    expect(awaiting(byCcc).every(([, , yours]) => yours === false)).toBe(true);
    // Another PCN's supervisor and another Alliance supervisor do not see the timeline at all.
    await get(tokens.pcn2, `/api/enrolments/${A}/timeline`).expect(403);
    await get(tokens.sup2, `/api/enrolments/${A}/timeline`).expect(403);
  });

  it('moves evidence from "awaiting me" to "signed by me" when the supervisor signs it off; the CCC waits on them meanwhile', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const version = await submitEvidence(tokens, A, 'PC-02');

    let supervisor = await mine(tokens.sup1);
    expect(supervisor.parties).toEqual(['alliance']);
    expect(supervisor.awaitingMe.map((a) => [a.key, a.ccc.id, a.waitedDays])).toEqual([
      ['competency:PC-02', world.people.cccA.id, 0],
    ]);
    expect(supervisor.awaitingCount).toBe(1);
    expect(supervisor.signedByMe).toEqual([]);
    expect(supervisor.cccs.map((c) => c.id).sort()).toEqual([world.people.cccA.id, world.people.cccB.id].sort());

    const ccc = await mine(tokens.cccA);
    expect(ccc.awaitingMe).toEqual([]);
    expect(ccc.waitingOn.map((a) => [a.key, a.awaiting, a.from?.id])).toEqual([
      ['competency:PC-02', 'alliance', world.people.supervisor1.id],
    ]);
    // Neither the PCN supervisor nor another Alliance supervisor is awaited for it, nor sees it.
    expect((await mine(tokens.pcn1)).awaitingMe).toEqual([]);
    const other = await mine(tokens.sup2);
    expect(other.awaitingMe).toEqual([]);
    expect(other.cccs.map((c) => c.id)).toEqual([world.people.cccC.id]);

    await post(tokens.sup1, `${base(A, 'PC-02')}/sign-off`, { rating: 2, comment: 'Clear', version }).expect(200);
    supervisor = await mine(tokens.sup1);
    expect(supervisor.awaitingMe).toEqual([]);
    expect(supervisor.awaitingCount).toBe(0);
    expect(supervisor.signedByMe.map((e) => [e.kind, e.competencyCode, e.rating, e.ccc.id])).toEqual([
      ['competency', 'PC-02', 2, world.people.cccA.id],
    ]);
    expect((await mine(tokens.cccA)).waitingOn).toEqual([]);
    // And it is on the CCC's timeline, in the current month.
    const body = await timeline(t, tokens.cccA, A);
    expect(body.months[5]!.signOffEvents.map((e) => e.summary)).toEqual(['Signed off PC-02 at level 2']);
  });

  it("gives a PCN supervisor their PCN's CCCs: the slot and the handover awaiting them, oldest first, and what they signed", async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    await recordsOfEveryKind(world);
    const joint = await sessionOf(t, tokens.sup1, A, 'm3-joint');
    await post(tokens.sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: inMonth(world, 3, 20),
      durationMinutes: 45,
      ...virtual,
      version: joint.version,
    }).expect(200);

    const pcn = await mine(tokens.pcn1);
    expect(pcn.parties).toEqual(['pcn']);
    // The handover has waited since month 5; the slot and the release it asks for since today.
    expect(pcn.awaitingMe.map((a) => a.action)).toEqual(['sign_handover', 'decide_release', 'respond_to_slot']);
    expect(pcn.awaitingMe[0]!.waitedDays).toBeGreaterThan(20);
    expect(pcn.awaitingMe[1]!.waitedDays).toBe(0);
    expect(pcn.signedByMe.map((e) => [e.kind, e.decision])).toEqual([['release', 'declined']]);
    expect(pcn.cccs.map((c) => c.id).sort()).toEqual([world.people.cccA.id, world.people.cccB.id].sort());
    expect((await mine(tokens.pcn2)).awaitingMe).toEqual([]);
  });

  it('filters what was signed by CCC, kind and month, and refuses bad filters with the field and reason', async () => {
    const { world, tokens } = await setUp();
    await recordsOfEveryKind(world);
    const all = await mine(tokens.sup1);
    expect(all.signedByMe.map((e) => e.kind)).toEqual(['amendment', 'tna']);
    expect((await mine(tokens.sup1, '?kind=tna')).signedByMe.map((e) => e.kind)).toEqual(['tna']);
    expect((await mine(tokens.sup1, '?month=5')).signedByMe.map((e) => e.kind)).toEqual(['amendment']);
    expect((await mine(tokens.sup1, '?month=5&kind=tna')).signedByMe).toEqual([]);
    expect((await mine(tokens.sup1, `?ccc=${world.people.cccB.id}`)).signedByMe).toEqual([]);
    const forA = await mine(tokens.sup1, `?ccc=${world.people.cccA.id}&kind=tna`);
    expect(forA.awaitingMe.map((a) => a.key)).toEqual(['tna:2:supervisor']);
    // The count on the home page is what awaits them, whatever the filter.
    expect(forA.awaitingCount).toBe(2);

    for (const [query, field] of [
      ['?kind=everything', 'kind'],
      ['?month=0', 'month'],
      ['?month=two', 'month'],
      ['?month=37', 'month'],
      ['?ccc=not-a-uuid', 'ccc'],
      ['?colour=red', 'colour'],
    ] as const) {
      const res = await get(tokens.sup1, `/api/sign-offs${query}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // Administrators sign for no one here; national viewers and the unsigned are refused too.
    await get(tokens.admin, '/api/sign-offs').expect(403);
    await t.http().get('/api/sign-offs').expect(401);
  });

  it('pages what was signed, newest first, and gives each home page its counts without the lists', async () => {
    const { world, tokens } = await setUp();
    await recordsOfEveryKind(world);
    const page = async (n: number) => mine(tokens.sup1, `?signedPageSize=1&signedPage=${n}`);
    const [first, second, past] = [await page(1), await page(2), await page(3)];
    expect(first.signedByMe.map((e) => e.kind)).toEqual(['amendment']);
    expect(second.signedByMe.map((e) => e.kind)).toEqual(['tna']);
    expect(past.signedByMe).toEqual([]);
    for (const body of [first, second, past]) {
      expect(body.signedTotal).toBe(2);
      expect(body.signedPageSize).toBe(1);
    }
    // The filters apply before the paging; the defaults are the first page of 50.
    const filtered = await mine(tokens.sup1, '?kind=tna&signedPageSize=1');
    expect([filtered.signedTotal, filtered.signedByMe.map((e) => e.kind)]).toEqual([1, ['tna']]);
    expect(await mine(tokens.sup1)).toMatchObject({ signedPage: 1, signedPageSize: 50, signedTotal: 2 });

    // The counts are those of the full answer, for a supervisor and for a CCC alike.
    const sup1 = await mine(tokens.sup1);
    const ccc = await mine(tokens.cccA);
    expect((await get(tokens.sup1, '/api/sign-offs/summary').expect(200)).body).toEqual({
      parties: sup1.parties,
      awaitingCount: sup1.awaitingCount,
      waitingOnCount: 0,
    });
    expect((await get(tokens.cccA, '/api/sign-offs/summary').expect(200)).body).toEqual({
      parties: ['ccc'],
      awaitingCount: ccc.awaitingCount,
      waitingOnCount: ccc.waitingOn.length,
    });
    expect(ccc.waitingOn.length).toBeGreaterThan(0);

    for (const [query, field] of [
      ['?signedPage=0', 'signedPage'],
      ['?signedPage=one', 'signedPage'],
      ['?signedPageSize=0', 'signedPageSize'],
      ['?signedPageSize=201', 'signedPageSize'],
    ] as const) {
      const res = await get(tokens.sup1, `/api/sign-offs${query}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await get(tokens.admin, '/api/sign-offs/summary').expect(403);
  });

  it('puts nothing of a withdrawn enrolment in "awaiting", but keeps what was signed', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    await recordsOfEveryKind(world);
    await submitEvidence(tokens, A, 'SN-01');
    expect((await mine(tokens.sup1)).awaitingMe.length).toBe(3);
    const summary = (await get(tokens.admin, `/api/enrolments/${A}`).expect(200)).body;
    await post(tokens.admin, `/api/enrolments/${A}/withdraw`, {
      reason: 'Left the post',
      version: summary.version,
    }).expect(200);
    const after = await mine(tokens.sup1);
    expect(after.awaitingMe).toEqual([]);
    expect(after.awaitingCount).toBe(0);
    expect(after.signedByMe.map((e) => e.kind)).toEqual(['amendment', 'tna']);
    expect((await mine(tokens.cccA)).waitingOn).toEqual([]);
    expect((await timeline(t, tokens.cccA, A)).awaitingSignOffs).toEqual([]);
  });

  it('prints the release time, the attestations and the handover in the personal record PDF', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    await recordsOfEveryKind(world);
    await t.db.query(
      `INSERT INTO release_request (enrolment_id, kind, date, minutes, description, status, decided_by_id, decided_at)
       VALUES ($1, 'training', $2, 120, 'Macmillan Communication Skills day', 'confirmed', $3, $4)`,
      [A, inMonth(world, 3, 9).slice(0, 10), world.people.pcnSupervisor1.id, inMonth(world, 3, 2)],
    );
    await t.db.query(
      `UPDATE handover_interview SET pcn_priorities = 'Bowel screening uptake', follow_on_supervisor_name = 'Dr Rivers'
        WHERE enrolment_id = $1`,
      [A],
    );
    const res = await get(tokens.cccA, `/api/enrolments/${A}/record.pdf`).buffer(true).parse(binary).expect(200);
    // Read back by poppler's pdftotext, not by the library that wrote it.
    const text = pdfToText(res.body as Buffer)
      .replace(/\s+/g, ' ')
      .replace(/- /g, '-');
    expect(text).toContain('Release time');
    expect(text).toContain('2 h confirmed by the PCN, 1 request declined.');
    // A table's row as a screen reader meets it: the structure tree's cells in order (the reason under the title).
    const tree = pdfStructure(res.body as Buffer);
    expect(tree).toMatch(
      /P[^\n]*\n\s+"Study: ACCEND module 2"\n\s+P[^\n]*\n\s+"Clinic cover that week"\n\s+TD\n\s+"1 h 30 min"\n\s+TD\n\s+"Declined"/,
    );
    expect(tree).toMatch(/TD\n\s+"Macmillan Communication Skills day"\n\s+TD\n\s+"2 h"\n\s+TD\n\s+"Confirmed"/);
    expect(text).toContain('Attestations');
    expect(text).toMatch(/Attested ".+" as done on/);
    expect(text).toContain('Handover and evaluation');
    expect(text).toContain('PCN priorities: Bowel screening uptake');
    expect(text).toContain('Follow-on supervisor: Dr Rivers');
    expect(text).toContain('Evaluation of the role: Working well');
    expect(text).toContain(world.people.cccA.fullName);
    expect(text).toContain('Not signed yet');
    expect(text).toContain('Typo in the evaluation');
    expect(tree).toMatch(/H2[^\n]*\n\s+"Release time"/);
    expect(tree).toMatch(/H2[^\n]*\n\s+"Handover and evaluation"/);
    expect(tree).toMatch(/H3[^\n]*\n\s+"Amendments"/);
    expect(tree).toMatch(/TD\n\s+"Not signed yet"/);
  });

  it('costs the same number of queries for one CCC with no records and a caseload full of them', async () => {
    const cost = async (action: () => Promise<unknown>) => {
      const before = t.queries.total;
      await action();
      return t.queries.total - before;
    };
    const small = await createWorld(t);
    const smallToken = await tokenFor(t, small.people.supervisor1);
    const timelineSmall = await cost(() => timeline(t, smallToken, small.enrolments.A));
    const pageSmall = await cost(() => mine(smallToken));

    const { world, tokens } = await setUp();
    await recordsOfEveryKind(world);
    for (const code of ['SN-01', 'SN-02', 'SN-03']) await submitEvidence(tokens, world.enrolments.A, code);
    // Four more CCCs on the supervisor's caseload, each with a TNA round signed by both.
    const service = t.app.get(EnrolmentCommands);
    for (let i = 0; i < 4; i++) {
      const ccc = await createPerson(t.db, `Extra CCC ${i}`, 'ccc', world.pcn1.id);
      const enrolment = await t.db.transaction((manager) =>
        service.enrolInCohort(
          manager,
          world.cohort,
          {
            cccId: ccc.id,
            pcnId: world.pcn1.id,
            pcnSupervisorId: world.people.pcnSupervisor1.id,
            allianceSupervisorId: world.people.supervisor1.id,
            track: 'training',
            employmentStart: world.startDate,
          },
          world.people.admin.id,
        ),
      );
      await t.db.query(
        `INSERT INTO tna (enrolment_id, round, ccc_signed_at, ccc_signed_by_id, supervisor_signed_at, supervisor_signed_by_id)
         VALUES ($1, 1, now(), $2, now(), $3)`,
        [enrolment, ccc.id, world.people.supervisor1.id],
      );
    }
    const timelineLarge = await cost(() => timeline(t, tokens.sup1, world.enrolments.A));
    const pageLarge = await cost(() => mine(tokens.sup1));
    expect((await mine(tokens.sup1)).cccs).toHaveLength(6);
    expect(timelineLarge).toBe(timelineSmall);
    expect(pageLarge).toBe(pageSmall);
  });
});
