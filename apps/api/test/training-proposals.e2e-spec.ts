import type { TrainingPlanResponse } from '@ccc/contracts';
import { competenciesOf, DEFAULT_FRAMEWORK } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

/** #15 item 10: the needs agreed at a signed TNA are proposed as training-plan items; each is accepted or dropped. */
describe('training plan proposals from the TNA', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);
  const put = (token: string, path: string, body: object) => t.http().put(path).set('Authorization', token).send(body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const codes = competenciesOf(DEFAULT_FRAMEWORK).map((c) => c.code);
  const needs: Record<string, string> = {
    [codes[0]!]: 'Ardens searches training',
    [codes[1]!]: 'Shadow a practice nurse on asthma reviews\nand reflect on two of them',
    [codes[2]!]: 'Read the frailty toolkit',
  };

  /** Round 1 rated, agreed with three needs, and signed by the CCC and then the Alliance supervisor. */
  async function signedTna(tokens: { cccA: string; sup1: string }, A: string, sign = true) {
    const tna = `/api/enrolments/${A}/tna`;
    let res = await put(tokens.cccA, `${tna}/1/self-ratings`, {
      ratings: codes.map((code) => ({ code, rating: 2 })),
      version: 0,
    }).expect(200);
    res = await put(tokens.sup1, `${tna}/1/agreed-ratings`, {
      ratings: codes.map((code) => ({ code, rating: 2, needs: needs[code] })),
      version: res.body.rounds[0].version,
    }).expect(200);
    if (!sign) return res.body.rounds[0].version as number;
    res = await post(tokens.cccA, `${tna}/1/sign`, { version: res.body.rounds[0].version }).expect(200);
    res = await post(tokens.sup1, `${tna}/1/sign`, { version: res.body.rounds[0].version }).expect(200);
    return res.body.rounds[0].version as number;
  }

  it('proposes each agreed need once the TNA is signed by both; the CCC and their Alliance supervisor accept, edit or drop each', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const planPath = `/api/enrolments/${A}/training-plan`;
    const proposal = (code: string, what: 'accept' | 'drop') => `/api/enrolments/${A}/tna/1/proposals/${code}/${what}`;

    // Agreed but not signed: nothing is proposed yet.
    const unsignedVersion = await signedTna(tokens, A, false);
    expect((await get(tokens.cccA, planPath).expect(200)).body.proposals).toEqual([]);
    await post(tokens.cccA, proposal(codes[0]!, 'accept'), { version: unsignedVersion }).expect(404);

    let res = await post(tokens.cccA, `/api/enrolments/${A}/tna/1/sign`, { version: unsignedVersion }).expect(200);
    res = await post(tokens.sup1, `/api/enrolments/${A}/tna/1/sign`, { version: res.body.rounds[0].version }).expect(
      200,
    );
    const version = res.body.rounds[0].version as number;

    let plan: TrainingPlanResponse = (await get(tokens.cccA, planPath).expect(200)).body;
    expect(plan.proposals.map((p) => p.code)).toEqual(codes.slice(0, 3));
    expect(plan.proposals[1]).toEqual({
      round: 1,
      code: codes[1],
      needs: needs[codes[1]!],
      title: 'Shadow a practice nurse on asthma reviews',
      targetMonth: expect.any(Number),
      competencyCodes: [codes[1]],
      version,
    });
    // The PCN supervisor reads the proposals but does not decide them; another Alliance supervisor cannot either.
    expect((await get(tokens.pcn1, planPath).expect(200)).body.proposals).toHaveLength(3);
    await post(tokens.pcn1, proposal(codes[0]!, 'accept'), { version }).expect(403);
    await post(tokens.sup2, proposal(codes[0]!, 'drop'), { version }).expect(403);
    await post(tokens.cccC, proposal(codes[0]!, 'drop'), { version }).expect(403);

    // Validation names the field; a stale version is a 409; a need not agreed is a 404.
    res = await post(tokens.cccA, proposal(codes[0]!, 'accept'), { version, targetMonth: 99 }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'targetMonth' })]);
    await post(tokens.cccA, proposal(codes[0]!, 'accept'), { version: version - 1 }).expect(409);
    await post(tokens.cccA, proposal(codes[5]!, 'accept'), { version }).expect(404);
    await post(tokens.cccA, `/api/enrolments/${A}/tna/3/proposals/${codes[0]}/accept`, { version }).expect(400);

    // The CCC accepts one as proposed; the Alliance supervisor accepts one edited and drops the third.
    res = await post(tokens.cccA, proposal(codes[0]!, 'accept'), { version }).expect(200);
    plan = res.body;
    expect(plan.items).toEqual([
      expect.objectContaining({ kind: 'free', title: needs[codes[0]!], competencyCodes: [codes[0]], done: false }),
    ]);
    expect(plan.proposals.map((p) => p.code)).toEqual(codes.slice(1, 3));
    res = await post(tokens.sup1, proposal(codes[1]!, 'accept'), {
      version,
      title: 'Asthma reviews with the practice nurse',
      targetMonth: 4,
      competencyCodes: [codes[1], codes[2]],
    }).expect(200);
    expect(res.body.items).toContainEqual(
      expect.objectContaining({
        title: 'Asthma reviews with the practice nurse',
        targetMonth: 4,
        competencyCodes: [codes[1], codes[2]],
      }),
    );
    res = await post(tokens.sup1, proposal(codes[2]!, 'drop'), { version }).expect(200);
    plan = res.body;
    expect(plan.proposals).toEqual([]);
    expect(plan.total).toBe(2);

    // Decided once: a second decision is a 409, and removing the accepted item does not propose the need again.
    res = await post(tokens.cccA, proposal(codes[2]!, 'accept'), { version }).expect(409);
    expect(res.body.message).toMatch(/already dropped/);
    await post(tokens.cccA, proposal(codes[0]!, 'drop'), { version }).expect(409);
    const first = plan.items.find((i) => i.competencyCodes[0] === codes[0])!;
    await t
      .http()
      .delete(`/api/training-plan-items/${first.id}`)
      .set('Authorization', tokens.cccA)
      .send({ version: first.version })
      .expect(200);
    expect((await get(tokens.cccA, planPath).expect(200)).body.proposals).toEqual([]);

    const audit = await t.db
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'tna' }, order: { chainSeq: 'ASC' } });
    const decisions = audit.filter((e) => e.action.startsWith('training-plan.proposal-'));
    expect(decisions.map((e) => [e.action, e.actorId, (e.detail as { code: string }).code])).toEqual([
      ['training-plan.proposal-accepted', world.people.cccA.id, codes[0]],
      ['training-plan.proposal-accepted', world.people.supervisor1.id, codes[1]],
      ['training-plan.proposal-dropped', world.people.supervisor1.id, codes[2]],
    ]);
    expect(decisions[1]!.detail).toMatchObject({ edited: true, item: { targetMonth: 4 } });
  });

  it('refuses an unknown enrolment (404)', async () => {
    const { tokens } = await worldWithTokens(t);
    await post(
      tokens.cccA,
      `/api/enrolments/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/tna/1/proposals/SN-01/drop`,
      {
        version: 1,
      },
    ).expect(404);
  });
});
