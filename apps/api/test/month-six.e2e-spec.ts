import type { HandoverView, SessionView } from '@ccc/contracts';
import { DEFAULT_TEMPLATE } from '@ccc/programme';
import { DEFAULT_FRAMEWORK } from '@ccc/programme';
import { COMPLETED_MESSAGE } from '../src/enrolments/enrolment-lock';

const FIRST_COMPETENCY = DEFAULT_FRAMEWORK.domains[0]!.competencies[0]!.code;
import { inMonth, timeline, view, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, postAs, tokenFor, type World, type WorldPerson } from './support/world';

/** A world whose cohort started seven months ago: the programme has ended, everything can be recorded. */
async function endedWorld(t: TestApp, startMonthsAgo = 7) {
  const world = await createWorld(t, DEFAULT_TEMPLATE, { startMonthsAgo });
  const sign = (person: WorldPerson) => tokenFor(t, person);
  const tokens = {
    admin: await sign(world.people.admin),
    sup1: await sign(world.people.supervisor1),
    sup2: await sign(world.people.supervisor2),
    pcn1: await sign(world.people.pcnSupervisor1),
    pcn2: await sign(world.people.pcnSupervisor2),
    cccA: await sign(world.people.cccA),
    cccB: await sign(world.people.cccB),
    cccC: await sign(world.people.cccC),
  };
  return { world, tokens };
}

type Tokens = Awaited<ReturnType<typeof endedWorld>>['tokens'];

/**
 * Books every session of an enrolment in its month (the PCN supervisor accepting the joint ones) and records it
 * as held, everyone present: the way the Alliance supervisor and the PCN supervisor would, over HTTP.
 */
async function holdEverySession(t: TestApp, world: World, tokens: Tokens, enrolmentId: string): Promise<number> {
  const months = (await timeline(t, tokens.sup1, enrolmentId)).months;
  let held = 0;
  for (const month of months) {
    for (const [i, session] of month.sessions.entries()) {
      let res = await postAs(t, tokens.sup1, `/api/sessions/${session.id}/book`, {
        startsAt: inMonth(world, month.month, 1 + 3 * i, 9 + i),
        durationMinutes: session.durationRange.min,
        ...(session.mode === 'virtual' ? virtual : { mode: 'face_to_face', place: 'Winchester' }),
        version: session.version,
      }).expect(200);
      if (res.body.status === 'awaiting_pcn')
        res = await postAs(t, tokens.pcn1, `/api/sessions/${session.id}/pcn-response`, {
          decision: 'accept',
          version: res.body.version,
        }).expect(200);
      const booked: SessionView = await view(t, tokens.sup1, session.id);
      await postAs(t, tokens.sup1, `/api/sessions/${session.id}/record`, {
        attendance: booked.attendees.map((a) => ({ enrolmentId: a.enrolmentId, attendance: 'present' })),
        staffAttendance: booked.participants.includes('pcn_supervisor')
          ? { pcn_supervisor: 'present', alliance_supervisor: 'present' }
          : { alliance_supervisor: 'present' },
        notes: `Held: ${session.title}`,
        version: booked.version,
      }).expect(200);
      held++;
    }
  }
  return held;
}

const HANDOVER = {
  pcnPriorities: 'Cancer Care Reviews within 12 months of diagnosis; bowel screening uptake',
  roleDevelopment: 'Runs the CCR recall list and the screening non-responder calls',
  trainingAgreed: [
    { kind: 'course', title: 'ACCEND career programme', courseKey: 'elfh-accend', targetMonth: 2, competencyCodes: [] },
    { kind: 'free', title: 'Psychological support level 2', courseKey: null, targetMonth: 5, competencyCodes: [] },
  ],
  followOnSupervisorName: 'Dr Anna Patel, clinical lead',
  appraisalDate: '2031-04-01',
  roleEvaluation: 'The practice team relies on the role for cancer care reviews',
};

describe('month six: handover interview, evaluation survey, outcomes log, completion and amendments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const put = (token: string, path: string, body: object) => t.http().put(path).set('Authorization', token).send(body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);

  it('runs one enrolment to completion, then refuses later edits unless made as an amendment with a reason', async () => {
    const { world, tokens } = await endedWorld(t);
    const A = world.enrolments.A;

    // 1. Every session of the programme held and recorded.
    const held = await holdEverySession(t, world, tokens, A);
    expect(held).toBeGreaterThanOrEqual(20);
    const rows: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM session_attendance a JOIN session s ON s.id = a.session_id
        WHERE a.enrolment_id = $1 AND s.status <> 'completed'`,
      [A],
    );
    expect(Number(rows[0]!.n)).toBe(0);
    const expectations = (await get(tokens.sup1, `/api/enrolments/${A}/expectations`).expect(200)).body;
    expect(expectations.results.find((r: { key: string }) => r.key === 'alliance-individual')).toMatchObject({
      state: 'met',
      progress: { done: 6, target: 6 },
    });

    // 2. The CCC logs the outcome counts of each month.
    const entries = [1, 2, 3, 4, 5, 6].flatMap((month) => [
      { month, measureId: 'cancer-care-reviews', count: 10 + month },
      { month, measureId: 'social-prescriber-referrals', count: month },
    ]);
    let res = await put(tokens.cccA, `/api/enrolments/${A}/outcomes`, { entries }).expect(200);
    expect(res.body.entries).toHaveLength(12);
    expect(res.body.canRecord).toBe(true);

    // 3. The survey: a draft, then submitted, by the CCC and by the PCN supervisor.
    res = await put(tokens.cccA, `/api/enrolments/${A}/survey`, {
      likert: { 'would-recommend': 'agree' },
      freeText: {},
      version: 0,
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'draft', respondent: 'ccc', version: 1 });
    res = await postAs(t, tokens.cccA, `/api/enrolments/${A}/survey/submit`, {
      likert: { 'would-recommend': 'strongly_agree', 'confident-in-role': 'agree' },
      freeText: { 'most-valuable': { text: 'Meeting the other CCCs every month', mayQuote: true } },
      version: 1,
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    await postAs(t, tokens.pcn1, `/api/enrolments/${A}/survey/submit`, {
      likert: { 'reduced-workload': 'agree' },
      freeText: {},
      version: 0,
    }).expect(200);
    const results = (await get(tokens.cccA, `/api/enrolments/${A}/expectations`).expect(200)).body.results;
    expect(results.find((r: { key: string }) => r.key === 'ccc-evaluation')).toMatchObject({
      state: 'met',
      evidence: expect.stringMatching(/^submitted on \d{4}-\d{2}-\d{2}$/),
    });

    // 4. The handover record, written by the Alliance supervisor and signed by each party as themself.
    res = await put(tokens.sup1, `/api/enrolments/${A}/handover`, { ...HANDOVER, version: 0 }).expect(200);
    let handover: HandoverView = res.body;
    expect(handover).toMatchObject({ ...HANDOVER, signBlocker: null, canSignAs: 'alliance_supervisor', version: 1 });
    for (const token of [tokens.cccA, tokens.pcn1]) {
      handover = (
        await postAs(t, token, `/api/enrolments/${A}/handover/sign`, { version: handover.version }).expect(200)
      ).body;
      expect(handover.enrolmentStatus).toBe('active');
    }
    expect(handover.signatures.map((s) => [s.party, s.signedBy?.id ?? null])).toEqual([
      ['ccc', world.people.cccA.id],
      ['pcn_supervisor', world.people.pcnSupervisor1.id],
      ['alliance_supervisor', null],
    ]);
    handover = (
      await postAs(t, tokens.sup1, `/api/enrolments/${A}/handover/sign`, { version: handover.version }).expect(200)
    ).body;
    expect(handover).toMatchObject({ enrolmentStatus: 'completed', canEdit: false, canSignAs: null });
    const enrolment = (await get(tokens.admin, `/api/enrolments/${A}`).expect(200)).body;
    expect(enrolment).toMatchObject({ status: 'completed', statusChangedAt: expect.any(String) });
    const completed: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM audit_entry WHERE action = 'enrolment.completed' AND entity_id = $1`,
      [A],
    );
    expect(Number(completed[0]!.n)).toBe(1);

    // 5. Now read-only: the handover, the outcomes, a session and the release log all refuse, saying why.
    const someSession = (await timeline(t, tokens.sup1, A)).months[2]!.sessions[0]!;
    const refused = [
      await put(tokens.sup1, `/api/enrolments/${A}/handover`, { roleEvaluation: 'Changed', version: handover.version }),
      await put(tokens.cccA, `/api/enrolments/${A}/outcomes`, {
        entries: [{ month: 6, measureId: 'cancer-care-reviews', count: 99 }],
      }),
      await postAs(t, tokens.sup1, `/api/sessions/${someSession.id}/cancel`, {
        reason: 'Too late',
        version: someSession.version,
      }),
      await postAs(t, tokens.cccA, `/api/enrolments/${A}/release-requests`, {
        kind: 'study',
        date: world.startDate,
        minutes: 60,
        description: 'Reading',
      }),
      await postAs(t, tokens.cccA, `/api/enrolments/${A}/attestations`, {
        expectationKey: 'ccc-community-of-practice',
        attestedOn: world.startDate,
      }),
      // The competency record too: evidence, the TNA and the training plan.
      await postAs(t, tokens.cccA, `/api/enrolments/${A}/competencies/${FIRST_COMPETENCY}/start`, { version: 0 }),
      await postAs(t, tokens.cccA, `/api/enrolments/${A}/competencies/${FIRST_COMPETENCY}/evidence`, {
        kind: 'reflection',
        text: 'A reflection written too late',
      }),
      await put(tokens.cccA, `/api/enrolments/${A}/tna/1/self-ratings`, { ratings: [], version: 0 }),
      await postAs(t, tokens.sup1, `/api/enrolments/${A}/training-plan-items`, {
        kind: 'free',
        title: 'Shadow a practice nurse',
        targetMonth: 6,
        competencyCodes: [FIRST_COMPETENCY],
      }),
    ];
    for (const r of refused)
      expect({ status: r.status, message: r.body.message }).toEqual({ status: 409, message: COMPLETED_MESSAGE });

    // 6. ... unless made as an amendment with a reason, by the Alliance: applied, kept with before and after, audited.
    await postAs(t, tokens.sup1, `/api/enrolments/${A}/amendments`, {
      record: 'handover',
      reason: ' ',
      handover: { appraisalDate: '2031-05-01' },
    }).expect(400);
    await postAs(t, tokens.cccA, `/api/enrolments/${A}/amendments`, {
      record: 'handover',
      reason: 'Typo',
      handover: { appraisalDate: '2031-05-01' },
    }).expect(403);
    await postAs(t, tokens.sup2, `/api/enrolments/${A}/amendments`, {
      record: 'handover',
      reason: 'Typo',
      handover: { appraisalDate: '2031-05-01' },
    }).expect(403);
    res = await postAs(t, tokens.sup1, `/api/enrolments/${A}/amendments`, {
      record: 'handover',
      reason: 'The appraisal was moved by the PCN',
      handover: { appraisalDate: '2031-05-01' },
    }).expect(201);
    expect(res.body).toMatchObject({
      record: 'handover',
      reason: 'The appraisal was moved by the PCN',
      before: { appraisalDate: '2031-04-01' },
      after: { appraisalDate: '2031-05-01' },
      amendedBy: { id: world.people.supervisor1.id },
    });
    handover = (await get(tokens.cccA, `/api/enrolments/${A}/handover`).expect(200)).body;
    expect(handover.appraisalDate).toBe('2031-05-01');
    // The amended record asks the CCC and the PCN supervisor to sign again; the amending supervisor signed by it.
    expect(Object.fromEntries(handover.signatures.map((s) => [s.party, Boolean(s.signedAt)]))).toEqual({
      ccc: false,
      pcn_supervisor: false,
      alliance_supervisor: true,
    });
    expect(handover.canSignAs).toBe('ccc');
    const asked: { person_id: string; link: string }[] = await t.db.query(
      `SELECT person_id, link FROM notification WHERE kind = 'handover_to_sign' AND subject_id = $1 ORDER BY person_id`,
      [A],
    );
    expect(asked.map((n) => n.person_id).sort()).toEqual([world.people.cccA.id, world.people.pcnSupervisor1.id].sort());
    expect(asked[0]!.link).toBe(`/enrolments/${A}/handover`);
    await postAs(t, tokens.cccA, `/api/enrolments/${A}/handover/sign`, { version: handover.version }).expect(200);
    handover = (await get(tokens.pcn1, `/api/enrolments/${A}/handover`).expect(200)).body;
    await postAs(t, tokens.pcn1, `/api/enrolments/${A}/handover/sign`, { version: handover.version }).expect(200);
    handover = (await get(tokens.cccA, `/api/enrolments/${A}/handover`).expect(200)).body;
    expect(handover.signatures.every((s) => s.signedAt)).toBe(true);
    expect(handover.enrolmentStatus).toBe('completed');
    await postAs(t, tokens.cccA, `/api/enrolments/${A}/handover/sign`, { version: handover.version }).expect(409);

    res = await postAs(t, tokens.admin, `/api/enrolments/${A}/amendments`, {
      record: 'outcome',
      reason: 'Month 6 reviews were under-counted',
      outcome: { month: 6, measureId: 'cancer-care-reviews', count: 20 },
    }).expect(201);
    expect(res.body).toMatchObject({
      before: { month: 6, measureId: 'cancer-care-reviews', count: 16 },
      after: { count: 20 },
    });
    const outcomes = (await get(tokens.cccA, `/api/enrolments/${A}/outcomes`).expect(200)).body;
    expect(outcomes.canRecord).toBe(false);
    expect(
      outcomes.entries.find(
        (e: { month: number; measureId: string }) => e.month === 6 && e.measureId === 'cancer-care-reviews',
      ).count,
    ).toBe(20);

    const individual = (await timeline(t, tokens.sup1, A)).months[1]!.sessions.find((s) => s.kind === 'individual')!;
    res = await postAs(t, tokens.sup1, `/api/enrolments/${A}/amendments`, {
      record: 'session',
      reason: 'The CCC sent apologies; recorded wrongly',
      session: { sessionId: individual.id, attendance: 'apologies', notes: 'Rearranged by phone' },
    }).expect(201);
    expect(res.body.after).toEqual({ notes: 'Rearranged by phone', attendance: 'apologies' });
    await postAs(t, tokens.sup1, `/api/enrolments/${A}/amendments`, {
      record: 'session',
      reason: 'Again',
      session: { sessionId: individual.id, attendance: 'apologies' },
    }).expect(400);

    const amendments = (await get(tokens.pcn1, `/api/enrolments/${A}/amendments`).expect(200)).body;
    expect(amendments.map((a: { record: string }) => a.record)).toEqual(['handover', 'outcome', 'session']);
    const audited: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM audit_entry WHERE action = 'enrolment.amended' AND entity_id = $1`,
      [A],
    );
    expect(Number(audited[0]!.n)).toBe(3);
    // The amendment trail itself is insert-only.
    await expect(t.db.query(`DELETE FROM enrolment_amendment WHERE enrolment_id = $1`, [A])).rejects.toThrow(
      /insert-only/,
    );

    // An active enrolment is corrected by editing it, not by amendment.
    await postAs(t, tokens.admin, `/api/enrolments/${world.enrolments.C}/amendments`, {
      record: 'outcome',
      reason: 'x',
      outcome: { month: 1, measureId: 'cancer-care-reviews', count: 1 },
    }).expect(409);
  }, 120_000);

  it('reopens a completed or withdrawn enrolment with a reason, the handover to be signed again (#15 item 1)', async () => {
    const { world, tokens } = await endedWorld(t);
    const A = world.enrolments.A;
    const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
    const versionOf = async (id: string) =>
      (await get(tokens.admin, `/api/enrolments/${id}`).expect(200)).body.version as number;
    let handover: HandoverView = (
      await t
        .http()
        .put(`/api/enrolments/${A}/handover`)
        .set('Authorization', tokens.cccA)
        .send({ ...HANDOVER, version: 0 })
    ).body;
    for (const token of [tokens.cccA, tokens.pcn1, tokens.sup1]) {
      handover = (
        await postAs(t, token, `/api/enrolments/${A}/handover/sign`, { version: handover.version }).expect(200)
      ).body;
    }
    expect(handover.enrolmentStatus).toBe('completed');

    const path = `/api/enrolments/${A}/reopen`;
    const version = await versionOf(A);
    await postAs(t, tokens.admin, path, { version }).expect(400);
    await postAs(t, tokens.admin, path, { version, reason: ' ' }).expect(400);
    await postAs(t, tokens.sup1, path, { version, reason: 'Signed too early' }).expect(403);
    await postAs(t, tokens.admin, path, { version: version - 1, reason: 'Signed too early' }).expect(409);
    const reopened = await postAs(t, tokens.admin, path, {
      version,
      reason: 'The handover was signed before the final interview was held',
    }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'active' });
    // Active again: the record takes edits, and the handover asks its three parties to sign again.
    handover = (await get(tokens.cccA, `/api/enrolments/${A}/handover`).expect(200)).body;
    expect(handover.signatures.map((s) => s.signedAt)).toEqual([null, null, null]);
    expect(handover.canSignAs).toBe('ccc');
    await postAs(t, tokens.admin, path, { version: version + 1, reason: 'Again' }).expect(409);
    const history = (await get(tokens.admin, `/api/enrolments/${A}/changes`).expect(200)).body as {
      action: string;
      reason: string | null;
      changes: { field: string; from: string | null; to: string | null }[];
    }[];
    expect(history.at(-1)).toMatchObject({
      action: 'enrolment.reopened',
      reason: 'The handover was signed before the final interview was held',
      changes: expect.arrayContaining([{ field: 'status', from: 'completed', to: 'active' }]),
    });
    const [audit] = await t.db.query(
      `SELECT actor_id, detail FROM audit_entry WHERE action = 'enrolment.reopened' AND entity_id = $1`,
      [A],
    );
    expect(audit.actor_id).toBe(world.people.admin.id);
    expect(audit.detail.handoverSignaturesCleared.ccc_signed_by_id).toBe(world.people.cccA.id);
    // Signed again by all three, it completes again.
    for (const token of [tokens.cccA, tokens.pcn1, tokens.sup1]) {
      handover = (
        await postAs(t, token, `/api/enrolments/${A}/handover/sign`, { version: handover.version }).expect(200)
      ).body;
    }
    expect(handover.enrolmentStatus).toBe('completed');

    // A withdrawn enrolment reopens too; the CCC's other active enrolment would refuse it (one at a time).
    const C = world.enrolments.C;
    await postAs(t, tokens.admin, `/api/enrolments/${C}/withdraw`, {
      reason: 'Left the PCN',
      version: await versionOf(C),
    }).expect(200);
    await postAs(t, tokens.admin, `/api/enrolments/${C}/reopen`, {
      version: await versionOf(C),
      reason: 'Withdrawn by mistake',
    }).expect(200);
    await postAs(t, tokens.admin, `/api/enrolments/${C}/reopen`, {
      version: await versionOf(C),
      reason: 'Again',
    }).expect(409);
  }, 120_000);

  it('lets only the three parties write and sign, refuses a stale version, and clears signatures on a change', async () => {
    const { world, tokens } = await endedWorld(t);
    const C = world.enrolments.C;
    await put(tokens.admin, `/api/enrolments/${C}/handover`, { version: 0 }).expect(403);
    await put(tokens.sup1, `/api/enrolments/${C}/handover`, { version: 0 }).expect(403);
    await put(tokens.pcn1, `/api/enrolments/${C}/handover`, { version: 0 }).expect(403);
    await postAs(t, tokens.cccC, `/api/enrolments/${C}/handover/sign`, { version: 1 }).expect(409);

    let res = await put(tokens.cccC, `/api/enrolments/${C}/handover`, {
      roleDevelopment: 'Started the screening calls',
      version: 0,
    }).expect(200);
    expect(res.body.signBlocker).toBe(
      'Fill in who takes over clinical supervision, the date of the 1-year appraisal, the evaluation of the role before signing',
    );
    let sign = await postAs(t, tokens.cccC, `/api/enrolments/${C}/handover/sign`, { version: 1 }).expect(409);
    expect(sign.body.message).toBe(res.body.signBlocker);

    await put(tokens.pcn2, `/api/enrolments/${C}/handover`, { ...HANDOVER, version: 0 }).expect(409);
    res = await put(tokens.pcn2, `/api/enrolments/${C}/handover`, {
      ...HANDOVER,
      trainingAgreed: [{ kind: 'course', title: 'Unknown', courseKey: 'nope', targetMonth: 9, competencyCodes: [] }],
      version: 1,
    }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'trainingAgreed[0].targetMonth',
      'trainingAgreed[0].courseKey',
    ]);
    res = await put(tokens.pcn2, `/api/enrolments/${C}/handover`, { ...HANDOVER, version: 1 }).expect(200);
    sign = await postAs(t, tokens.cccC, `/api/enrolments/${C}/handover/sign`, { version: res.body.version }).expect(
      200,
    );
    await postAs(t, tokens.cccC, `/api/enrolments/${C}/handover/sign`, { version: sign.body.version }).expect(409);
    expect(sign.body.signatures[0]).toMatchObject({ party: 'ccc', signedBy: { id: world.people.cccC.id } });

    // A change after a signature: they signed something else, so the signatures go.
    res = await put(tokens.sup2, `/api/enrolments/${C}/handover`, {
      roleEvaluation: 'Reworded after the meeting',
      version: sign.body.version,
    }).expect(200);
    expect(res.body.signatures.every((s: { signedAt: string | null }) => s.signedAt === null)).toBe(true);
    const entry: { detail: { signaturesCleared: string[] } }[] = await t.db.query(
      `SELECT detail FROM audit_entry WHERE action = 'handover.updated' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry[0]!.detail.signaturesCleared).toEqual(['ccc']);

    // Everyone who may read the enrolment reads the record; another CCC does not.
    await get(tokens.admin, `/api/enrolments/${C}/handover`).expect(200);
    await get(tokens.cccA, `/api/enrolments/${C}/handover`).expect(403);
  });

  it('keeps one survey response per person and enrolment, validated against the template, final once submitted', async () => {
    const { world, tokens } = await endedWorld(t);
    const A = world.enrolments.A;
    const B = world.enrolments.B;
    let res = await get(tokens.cccA, `/api/enrolments/${A}/survey`).expect(200);
    expect(res.body).toMatchObject({ status: 'not_started', respondent: 'ccc', version: 0 });
    expect(res.body.survey.statements.map((s: { id: string }) => s.id)).toContain('confident-in-role');
    expect(res.body.survey.statements.map((s: { id: string }) => s.id)).not.toContain('reduced-workload');

    res = await put(tokens.cccA, `/api/enrolments/${A}/survey`, {
      likert: { 'reduced-workload': 'agree', 'confident-in-role': 'maybe' },
      freeText: { 'most-valuable': { text: 'x' } },
      version: 0,
    }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'likert.reduced-workload',
      'likert.confident-in-role',
      'freeText.most-valuable',
    ]);
    await postAs(t, tokens.cccA, `/api/enrolments/${A}/survey/submit`, { likert: {}, freeText: {}, version: 0 }).expect(
      400,
    );
    await put(tokens.cccA, `/api/enrolments/${A}/survey`, {
      likert: { 'confident-in-role': 'agree' },
      freeText: {},
      version: 0,
    }).expect(200);
    await put(tokens.cccA, `/api/enrolments/${A}/survey`, { likert: {}, freeText: {}, version: 0 }).expect(409);
    await postAs(t, tokens.cccA, `/api/enrolments/${A}/survey/submit`, {
      likert: { 'confident-in-role': 'agree' },
      freeText: {},
      version: 1,
    }).expect(200);
    res = await put(tokens.cccA, `/api/enrolments/${A}/survey`, { likert: {}, freeText: {}, version: 2 }).expect(409);
    expect(res.body.message).toMatch(/already submitted/);

    // The PCN supervisor answers once per CCC; each reads only their own response.
    await postAs(t, tokens.pcn1, `/api/enrolments/${A}/survey/submit`, {
      likert: { 'reduced-workload': 'agree' },
      freeText: {},
      version: 0,
    }).expect(200);
    res = await get(tokens.pcn1, `/api/enrolments/${B}/survey`).expect(200);
    expect(res.body).toMatchObject({ status: 'not_started', respondent: 'pcn_supervisor' });
    const stored: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM evaluation_response WHERE enrolment_id = $1`,
      [A],
    );
    expect(Number(stored[0]!.n)).toBe(2);
    await get(tokens.sup1, `/api/enrolments/${A}/survey`).expect(403);
    await get(tokens.cccC, `/api/enrolments/${A}/survey`).expect(403);
    // The audit trail says a response was submitted, never what it said.
    const audit: { detail: Record<string, unknown> }[] = await t.db.query(
      `SELECT detail FROM audit_entry WHERE action = 'survey.submitted' ORDER BY id DESC LIMIT 1`,
    );
    expect(Object.keys(audit[0]!.detail).sort()).toEqual(['enrolmentId', 'respondent']);
  });

  it('opens the survey when the last month starts, and takes outcome counts only for months that have started', async () => {
    const { world, tokens } = await endedWorld(t, 2);
    const A = world.enrolments.A;
    const res = await put(tokens.cccA, `/api/enrolments/${A}/survey`, { likert: {}, freeText: {}, version: 0 }).expect(
      409,
    );
    expect(res.body.message).toMatch(/^The evaluation survey opens on \d{4}-\d{2}-\d{2}/);

    const bad = await put(tokens.cccA, `/api/enrolments/${A}/outcomes`, {
      entries: [
        { month: 4, measureId: 'cancer-care-reviews', count: 1 },
        { month: 1, measureId: 'unknown', count: 1 },
        { month: 1, measureId: 'reviews-audited', count: -1 },
        { month: 2, measureId: 'reviews-audited', count: 1 },
        { month: 2, measureId: 'reviews-audited', count: 2 },
      ],
    }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'entries[0].month',
      'entries[1].measureId',
      'entries[2].count',
      'entries[4]',
    ]);
    await put(tokens.admin, `/api/enrolments/${A}/outcomes`, {
      entries: [{ month: 1, measureId: 'reviews-audited', count: 1 }],
    }).expect(403);
    await put(tokens.cccC, `/api/enrolments/${A}/outcomes`, {
      entries: [{ month: 1, measureId: 'reviews-audited', count: 1 }],
    }).expect(403);

    let ok = await put(tokens.cccA, `/api/enrolments/${A}/outcomes`, {
      entries: [{ month: 1, measureId: 'reviews-audited', count: 3 }],
    }).expect(200);
    const first = ok.body.entries[0];
    expect(first).toMatchObject({ month: 1, count: 3, version: 1, recordedBy: { id: world.people.cccA.id } });
    expect(ok.body.months.map((m: { month: number }) => m.month)).toEqual([1, 2, 3]);
    ok = await put(tokens.cccA, `/api/enrolments/${A}/outcomes`, {
      entries: [{ month: 1, measureId: 'reviews-audited', count: 4, version: 1 }],
    }).expect(200);
    expect(ok.body.entries).toEqual([expect.objectContaining({ count: 4, version: 2 })]);
    await put(tokens.cccA, `/api/enrolments/${A}/outcomes`, {
      entries: [{ month: 1, measureId: 'reviews-audited', count: 5, version: 1 }],
    }).expect(409);
    const audit: { detail: { changes: unknown[] } }[] = await t.db.query(
      `SELECT detail FROM audit_entry WHERE action = 'outcomes.recorded' AND entity_id = $1 ORDER BY id`,
      [A],
    );
    expect(audit.map((a) => a.detail.changes)).toEqual([
      [{ month: 1, measureId: 'reviews-audited', from: null, to: 3 }],
      [{ month: 1, measureId: 'reviews-audited', from: 3, to: 4 }],
    ]);
    await get(tokens.pcn1, `/api/enrolments/${A}/outcomes`).expect(200);
  });
});
