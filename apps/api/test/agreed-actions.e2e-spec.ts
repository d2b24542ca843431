import { randomUUID } from 'node:crypto';
import type { OpenActionView, SessionView } from '@ccc/contracts';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { inMonth, sessionOf, view, virtual } from './support/scheduling';
import { startTestApp, type TestApp } from './support/test-app';
import { postAs, worldWithTokens } from './support/world';

describe('agreed actions (#15 item 11): the owner marks them done; open ones follow the owner and the CCC', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, body: object) => postAs(t, token, path, body);
  const mine = async (token: string): Promise<OpenActionView[]> =>
    (await t.http().get('/api/me/agreed-actions').set('Authorization', token).expect(200)).body;

  it('shows each open action on its owner’s list and in the CCC’s next session, until the owner marks it done', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const A = world.enrolments.A;
    // Month 1's joint session is held and recorded with one action for each party.
    const joint = await sessionOf(t, tokens.sup1, A, 'm1-joint');
    let res = await post(tokens.sup1, `/api/sessions/${joint.id}/book`, {
      startsAt: inMonth(world, 1, 3),
      durationMinutes: 45,
      ...virtual,
      version: joint.version,
    }).expect(200);
    res = await post(tokens.pcn1, `/api/sessions/${joint.id}/pcn-response`, {
      decision: 'accept',
      version: res.body.version,
    }).expect(200);
    const due = '2099-01-15';
    res = await post(tokens.sup1, `/api/sessions/${joint.id}/record`, {
      attendance: [{ enrolmentId: A, attendance: 'present' }],
      actions: [
        { description: 'Complete ACCEND module 1', owner: 'ccc', dueDate: due },
        { description: 'Share the screening list', owner: 'pcn_supervisor', dueDate: due },
        { description: 'Send the toolkit link', owner: 'alliance_supervisor', dueDate: due },
      ],
      version: res.body.version,
    }).expect(200);
    const recorded: SessionView = res.body;
    const byOwner = Object.fromEntries(recorded.actions.map((a) => [a.owner, a]));

    // Each owner sees their own open action on their home list, and nobody else's.
    expect((await mine(tokens.cccA)).map((a) => a.description)).toEqual(['Complete ACCEND module 1']);
    expect((await mine(tokens.pcn1)).map((a) => a.description)).toEqual(['Share the screening list']);
    expect((await mine(tokens.sup1)).map((a) => a.description)).toEqual(['Send the toolkit link']);
    expect(await mine(tokens.cccC)).toEqual([]);
    expect(await mine(tokens.pcn2)).toEqual([]);
    expect(await mine(tokens.admin)).toEqual([]);
    expect((await mine(tokens.cccA))[0]).toMatchObject({
      session: { id: joint.id },
      enrolmentId: A,
      ccc: { id: world.people.cccA.id },
      // A session with one CCC: that CCC owns the CCC's action without being named in the request.
      ownerEnrolmentId: A,
      ownerCcc: { id: world.people.cccA.id, fullName: world.people.cccA.fullName },
      mine: true,
    });
    expect(byOwner['pcn_supervisor']).toMatchObject({ ownerEnrolmentId: null, ownerCcc: null });

    // The CCC's next session shows all three open actions; the session that agreed them does not carry them.
    const next = await sessionOf(t, tokens.sup1, A, 'm2-individual');
    const nextView = await view(t, tokens.sup1, next.id);
    expect(nextView.carriedActions.map((a) => a.owner).sort()).toEqual([
      'alliance_supervisor',
      'ccc',
      'pcn_supervisor',
    ]);
    expect((await view(t, tokens.sup1, joint.id)).carriedActions).toEqual([]);
    expect((await view(t, tokens.cccA, next.id)).carriedActions.find((a) => a.owner === 'ccc')).toMatchObject({
      mine: true,
    });

    // Only the owner marks it done: not the CCC for the PCN's action, not another CCC, not an administrator.
    const pcnAction = byOwner['pcn_supervisor']!;
    const refused = await post(tokens.cccA, `/api/agreed-actions/${pcnAction.id}/done`, {
      version: pcnAction.version,
    }).expect(403);
    expect(refused.body.message).toBe('Only the PCN supervisor marks this action done');
    await post(tokens.cccC, `/api/agreed-actions/${pcnAction.id}/done`, { version: pcnAction.version }).expect(403);
    await post(tokens.admin, `/api/agreed-actions/${pcnAction.id}/done`, { version: pcnAction.version }).expect(403);
    await post(tokens.pcn1, `/api/agreed-actions/${randomUUID()}/done`, { version: 1 }).expect(404);
    await post(tokens.pcn1, `/api/agreed-actions/${pcnAction.id}/done`, { version: 99 }).expect(409);

    res = await post(tokens.pcn1, `/api/agreed-actions/${pcnAction.id}/done`, { version: pcnAction.version }).expect(
      200,
    );
    expect(res.body).toMatchObject({ id: pcnAction.id, done: true, version: pcnAction.version + 1 });
    // A second click changes nothing and is not an error.
    await post(tokens.pcn1, `/api/agreed-actions/${pcnAction.id}/done`, { version: pcnAction.version }).expect(200);
    expect(
      await t.db.getRepository(AuditEntry).findBy({ entityId: pcnAction.id, action: 'agreed_action.done' }),
    ).toEqual([expect.objectContaining({ actorId: world.people.pcnSupervisor1.id })]);

    await post(tokens.cccA, `/api/agreed-actions/${byOwner['ccc']!.id}/done`, {
      version: byOwner['ccc']!.version,
    }).expect(200);
    expect(await mine(tokens.pcn1)).toEqual([]);
    expect(await mine(tokens.cccA)).toEqual([]);
    expect((await view(t, tokens.sup1, next.id)).carriedActions.map((a) => a.owner)).toEqual(['alliance_supervisor']);
    // The session that agreed them shows which are done.
    expect((await view(t, tokens.sup1, joint.id)).actions.map((a) => [a.owner, a.done]).sort()).toEqual([
      ['alliance_supervisor', false],
      ['ccc', true],
      ['pcn_supervisor', true],
    ]);
  });

  it('names which CCC of a group session owns an action (#20 item 6), and only that CCC marks it done', async () => {
    const { world, tokens } = await worldWithTokens(t);
    const { A, C } = world.enrolments;
    const group = await sessionOf(t, tokens.sup1, A, 'm1-group');
    const booked = await post(tokens.sup1, `/api/sessions/${group.id}/book`, {
      startsAt: inMonth(world, 1, 8),
      durationMinutes: 90,
      ...virtual,
      version: group.version,
    }).expect(200);
    const attendance = [
      { enrolmentId: A, attendance: 'present' },
      { enrolmentId: C, attendance: 'present' },
    ];
    const due = '2099-02-01';
    const record = (actions: object[]) =>
      post(tokens.sup1, `/api/sessions/${group.id}/record`, { attendance, actions, version: booked.body.version });

    // In a group "the CCC" names nobody: the record must say which, one on the register, and only for a CCC's action.
    const unnamed = await record([{ description: 'Read the toolkit', owner: 'ccc', dueDate: due }]).expect(400);
    expect(unnamed.body.errors).toEqual([
      { field: 'actions.0.ownerEnrolmentId', reason: 'choose which CCC owns the action' },
    ]);
    const stranger = await record([
      { description: 'Read the toolkit', owner: 'ccc', ownerEnrolmentId: randomUUID(), dueDate: due },
      { description: 'Book the room', owner: 'alliance_supervisor', ownerEnrolmentId: C, dueDate: due },
    ]).expect(400);
    expect(stranger.body.errors).toEqual([
      {
        field: 'actions.0.ownerEnrolmentId',
        reason: 'the CCC who owns the action must be on this session’s register',
      },
      { field: 'actions.1.ownerEnrolmentId', reason: 'only an action the CCC owns names a CCC' },
    ]);
    const notUuid = await record([
      { description: 'Read the toolkit', owner: 'ccc', ownerEnrolmentId: 'C', dueDate: due },
    ]).expect(400);
    expect(notUuid.body.errors).toEqual([expect.objectContaining({ field: 'actions.0.ownerEnrolmentId' })]);

    const res = await record([
      { description: 'Present a case next month', owner: 'ccc', ownerEnrolmentId: C, dueDate: due },
    ]).expect(200);
    const cccC = { id: world.people.cccC.id, fullName: world.people.cccC.fullName };
    expect((res.body as SessionView).actions).toEqual([
      expect.objectContaining({ owner: 'ccc', ownerEnrolmentId: C, ownerCcc: cccC }),
    ]);
    // CCC A does not see C on the register, so not C's name either; C sees themself as the owner.
    expect((await view(t, tokens.cccA, group.id)).actions[0]).toMatchObject({ ownerEnrolmentId: C, ownerCcc: null });
    expect((await view(t, tokens.cccC, group.id)).actions[0]).toMatchObject({ ownerCcc: cccC });

    // It is C's open action, not A's; it is not carried into A's own next session either.
    expect(await mine(tokens.cccA)).toEqual([]);
    const [open] = await mine(tokens.cccC);
    expect(open).toMatchObject({ enrolmentId: C, ccc: cccC, ownerCcc: cccC, mine: true });
    const aNext = await sessionOf(t, tokens.sup1, A, 'm2-individual');
    expect((await view(t, tokens.sup1, aNext.id)).carriedActions).toEqual([]);
    const cNext = await sessionOf(t, tokens.cccC, C, 'm2-individual');
    expect((await view(t, tokens.cccC, cNext.id)).carriedActions.map((a) => a.id)).toEqual([open!.id]);

    const refused = await post(tokens.cccA, `/api/agreed-actions/${open!.id}/done`, { version: open!.version }).expect(
      403,
    );
    expect(refused.body.message).toBe('Only the CCC who owns this action marks it done');
    const done = await post(tokens.cccC, `/api/agreed-actions/${open!.id}/done`, { version: open!.version }).expect(
      200,
    );
    expect(done.body).toMatchObject({ done: true, ownerEnrolmentId: C, ownerCcc: cccC, enrolmentId: C });
    expect(await mine(tokens.cccC)).toEqual([]);
  });
});
