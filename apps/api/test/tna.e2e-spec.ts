import type { TrainingPlanResponse } from '@ccc/contracts';
import { competenciesOf, DEFAULT_FRAMEWORK } from '@ccc/programme';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { PNG_BYTES } from './support/competencies';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

describe('the training needs analysis and the training plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  const post = (token: string, path: string, body: object = {}) => postAs(t, token, path, body);
  const put = (token: string, path: string, body: object) => t.http().put(path).set('Authorization', token).send(body);
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', token);
  const codes = competenciesOf(DEFAULT_FRAMEWORK).map((c) => c.code);

  it('is rated by the CCC, agreed with the Alliance supervisor and signed by both; the PCN supervisor reads it', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const tna = `/api/enrolments/${A}/tna`;
    let res = await get(tokens.cccA, tna).expect(200);
    expect(res.body.rounds).toHaveLength(1);
    expect(res.body.rounds[0]).toMatchObject({ round: 1, version: 0, signed: false, availableActions: ['rate_self'] });

    await put(tokens.cccA, `${tna}/1/self-ratings`, { ratings: [{ code: 'NOPE', rating: 2 }], version: 0 }).expect(400);
    await put(tokens.cccA, `${tna}/1/self-ratings`, { ratings: [{ code: 'SN-01', rating: 7 }], version: 0 }).expect(
      400,
    );
    await put(tokens.pcn1, `${tna}/1/self-ratings`, { ratings: [], version: 0 }).expect(403);
    await put(tokens.sup1, `${tna}/1/self-ratings`, { ratings: [], version: 0 }).expect(403);
    await put(tokens.cccA, `${tna}/3/self-ratings`, { ratings: [], version: 0 }).expect(400);

    res = await put(tokens.cccA, `${tna}/1/self-ratings`, {
      ratings: codes.map((code, i) => ({ code, rating: (i % 4) + 1, note: i === 0 ? 'New to searches' : undefined })),
      version: 0,
    }).expect(200);
    let round = res.body.rounds[0];
    expect(round.ratings[0]).toEqual({
      code: 'PREV-01',
      selfRating: 1,
      selfNote: 'New to searches',
      agreedRating: null,
      needs: null,
    });
    await post(tokens.cccA, `${tna}/1/sign`, { version: round.version }).expect(409);

    await put(tokens.sup2, `${tna}/1/agreed-ratings`, { ratings: [], version: round.version }).expect(403);
    res = await put(tokens.sup1, `${tna}/1/agreed-ratings`, {
      ratings: codes.map((code) => ({
        code,
        rating: 2,
        needs: code === 'PREV-01' ? 'Ardens searches training' : undefined,
      })),
      version: round.version,
    }).expect(200);
    round = res.body.rounds[0];
    expect(round.availableActions).toEqual(['agree_ratings', 'sign']);

    res = await post(tokens.cccA, `${tna}/1/sign`, { version: round.version }).expect(200);
    round = res.body.rounds[0];
    expect(round.cccSignature).toMatchObject({ by: { id: world.people.cccA.id } });
    // A change after a signature clears it: the CCC reads it again.
    res = await put(tokens.sup1, `${tna}/1/agreed-ratings`, {
      ratings: [{ code: 'SN-01', rating: 3 }],
      version: round.version,
    }).expect(200);
    round = res.body.rounds[0];
    expect(round.cccSignature).toBeNull();
    res = await post(tokens.sup1, `${tna}/1/sign`, { version: round.version }).expect(200);
    await post(tokens.sup1, `${tna}/1/sign`, { version: res.body.rounds[0].version }).expect(409);
    await post(tokens.pcn1, `${tna}/1/sign`, { version: res.body.rounds[0].version }).expect(403);
    res = await post(tokens.cccA, `${tna}/1/sign`, { version: res.body.rounds[0].version }).expect(200);
    round = res.body.rounds[0];
    expect(round).toMatchObject({ signed: true, availableActions: [] });
    expect(round.supervisorSignature).toMatchObject({ by: { id: world.people.supervisor1.id } });

    // Signed by both: closed; the second TNA opens.
    await put(tokens.cccA, `${tna}/1/self-ratings`, {
      ratings: [{ code: 'SN-01', rating: 4 }],
      version: round.version,
    }).expect(409);
    expect(res.body.rounds.map((r: { round: number }) => r.round)).toEqual([1, 2]);
    const pcnView = await get(tokens.pcn1, tna).expect(200);
    expect(pcnView.body.rounds[0]).toMatchObject({ signed: true, availableActions: [], signBlocker: null });
    await get(tokens.pcn2, tna).expect(403);
    const actions = await t.db
      .getRepository(AuditEntry)
      .find({ where: { entityType: 'tna' }, order: { chainSeq: 'ASC' } });
    expect(
      actions.filter((a) => (a.detail as { enrolmentId?: string }).enrolmentId === A).map((a) => a.action),
    ).toEqual(['tna.self-rated', 'tna.ratings-agreed', 'tna.signed', 'tna.ratings-agreed', 'tna.signed', 'tna.signed']);
  });

  it('holds the training plan; group teaching attendance marks its item done, the CCC marks the rest', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    const items = `/api/enrolments/${A}/training-plan-items`;
    let res = await post(tokens.sup1, items, {
      kind: 'group_teaching',
      targetMonth: 1,
      competencyCodes: ['PCD-01'],
    }).expect(201);
    let plan: TrainingPlanResponse = res.body;
    expect(plan.items[0]).toMatchObject({
      kind: 'group_teaching',
      title: 'Group teaching: Introduction to DES, QOF, integrated care',
      done: false,
    });
    res = await post(tokens.cccA, items, {
      kind: 'course',
      courseKey: 'elfh-accend',
      targetMonth: 2,
      competencyCodes: ['PC-01'],
    }).expect(201);
    res = await post(tokens.cccA, items, {
      kind: 'free',
      title: 'Shadow a practice nurse',
      targetMonth: 2,
      competencyCodes: ['SN-01'],
    }).expect(201);
    await post(tokens.cccA, items, { kind: 'free', targetMonth: 9, competencyCodes: ['ZZ'] }).expect(400);
    await post(tokens.pcn1, items, { kind: 'free', title: 'x', targetMonth: 2, competencyCodes: [] }).expect(403);
    await post(tokens.sup2, items, { kind: 'free', title: 'x', targetMonth: 2, competencyCodes: [] }).expect(403);
    plan = res.body;
    expect(plan).toMatchObject({ total: 3, done: 0, canEdit: true });

    // The month-1 group teaching is held and CCC A's presence recorded.
    const teaching = await sessionOf(t, tokens.sup1, A, 'teaching-m1');
    const booked = await post(tokens.sup1, `/api/sessions/${teaching.id}/book`, {
      startsAt: inMonth(world, 1, 9),
      durationMinutes: 90,
      ...virtual,
      version: teaching.version,
    }).expect(200);
    await post(tokens.sup1, `/api/sessions/${teaching.id}/record`, {
      attendance: (booked.body.attendees as { enrolmentId: string }[]).map((a) => ({
        enrolmentId: a.enrolmentId,
        attendance: a.enrolmentId === A ? 'present' : 'apologies',
      })),
      version: booked.body.version,
    }).expect(200);
    plan = (await get(tokens.pcn1, `/api/enrolments/${A}/training-plan`).expect(200)).body;
    expect(plan.canEdit).toBe(false);
    const teachingItem = plan.items.find((i) => i.kind === 'group_teaching')!;
    expect(teachingItem).toMatchObject({
      done: true,
      completedVia: 'attendance',
      sessionId: teaching.id,
      completedOn: inMonth(world, 1, 9).slice(0, 10),
    });

    // The CCC marks the course done with a certificate.
    const course = plan.items.find((i) => i.kind === 'course')!;
    await t
      .http()
      .post(`/api/training-plan-items/${course.id}/complete`)
      .set('Authorization', tokens.sup1)
      .send({ completedOn: world.startDate, version: course.version })
      .expect(403);
    const done = await t
      .http()
      .post(`/api/training-plan-items/${course.id}/complete`)
      .set('Authorization', tokens.cccA)
      .field('completedOn', world.startDate)
      .field('version', String(course.version))
      .attach('certificate', PNG_BYTES, 'certificate.png')
      .expect(200);
    const completed = (done.body as TrainingPlanResponse).items.find((i) => i.id === course.id)!;
    expect(completed).toMatchObject({ done: true, completedVia: 'ccc', certificate: { contentType: 'image/png' } });
    expect(done.body.done).toBe(2);
    await get(tokens.pcn1, completed.certificate!.downloadUrl).expect(200);
    await t
      .http()
      .post(`/api/training-plan-items/${course.id}/complete`)
      .set('Authorization', tokens.cccA)
      .send({ completedOn: world.startDate, version: completed.version })
      .expect(409);

    // Items not done change and go; done ones stay.
    const free = plan.items.find((i) => i.kind === 'free')!;
    res = await t
      .http()
      .patch(`/api/training-plan-items/${free.id}`)
      .set('Authorization', tokens.sup1)
      .send({ targetMonth: 4, version: free.version })
      .expect(200);
    const moved = (res.body as TrainingPlanResponse).items.find((i) => i.id === free.id)!;
    expect(moved.targetMonth).toBe(4);
    await t
      .http()
      .delete(`/api/training-plan-items/${free.id}`)
      .set('Authorization', tokens.cccA)
      .send({ version: free.version })
      .expect(409);
    await t
      .http()
      .delete(`/api/training-plan-items/${free.id}`)
      .set('Authorization', tokens.cccA)
      .send({ version: moved.version })
      .expect(200);
    await t
      .http()
      .delete(`/api/training-plan-items/${course.id}`)
      .set('Authorization', tokens.cccA)
      .send({ version: completed.version })
      .expect(409);
  });
});
