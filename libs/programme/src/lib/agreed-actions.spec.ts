import { carriedOverActions, checkAgreedActionDates, markActionDone, resolveActionOwners } from './agreed-actions';

describe('agreed action dates', () => {
  // 09:30 London on 2 Dec 2026 (GMT).
  const startsAt = new Date('2026-12-02T09:30:00Z');

  it('accepts actions due on the day of the session or later', () => {
    expect(checkAgreedActionDates([{ dueDate: '2026-12-02' }, { dueDate: '2027-01-15' }], startsAt)).toEqual([]);
  });

  it('refuses an action due before its session, naming which one', () => {
    expect(checkAgreedActionDates([{ dueDate: '2026-12-20' }, { dueDate: '2026-12-01' }], startsAt)).toEqual([
      { field: 'actions.1.dueDate', reason: 'an action cannot be due before its session (held on 2026-12-02)' },
    ]);
  });

  it('reads the session day in London: 23:30 UTC in summer is already the next day', () => {
    const lateEvening = new Date('2026-06-30T23:30:00Z');
    expect(checkAgreedActionDates([{ dueDate: '2026-06-30' }], lateEvening)).toHaveLength(1);
    expect(checkAgreedActionDates([{ dueDate: '2026-07-01' }], lateEvening)).toEqual([]);
  });
});

describe('marking an agreed action done', () => {
  it('is for the owner only', () => {
    expect(markActionDone({ owner: 'ccc', done: false }, ['ccc'])).toEqual({ ok: true, changed: true });
    expect(markActionDone({ owner: 'pcn_supervisor', done: false }, ['ccc'])).toEqual({
      ok: false,
      reason: 'Only the PCN supervisor marks this action done',
    });
    // Someone holding two parts of the session (a PCN supervisor who also leads it) acts as either.
    expect(
      markActionDone({ owner: 'alliance_supervisor', done: false }, ['pcn_supervisor', 'alliance_supervisor']),
    ).toMatchObject({ ok: true });
  });

  it('in a group session, is for the CCC the action names, not the other CCCs', () => {
    const action = { owner: 'ccc' as const, done: false, ownerEnrolmentId: 'e2' };
    expect(markActionDone(action, ['ccc'], (e) => e === 'e2')).toEqual({ ok: true, changed: true });
    expect(markActionDone(action, ['ccc'], (e) => e === 'e1')).toEqual({
      ok: false,
      reason: 'Only the CCC who owns this action marks it done',
    });
  });

  it('changes nothing when the action is already done', () => {
    expect(markActionDone({ owner: 'ccc', done: true }, ['ccc'])).toEqual({ ok: true, changed: false });
  });
});

describe('which CCC owns an action', () => {
  it('is the only CCC of a one-to-one session when not given', () => {
    expect(resolveActionOwners([{ owner: 'ccc' }, { owner: 'pcn_supervisor' }], ['e1'])).toEqual({
      owners: ['e1', null],
      problems: [],
    });
  });

  it('must be named in a group session, and be on its register', () => {
    const register = ['e1', 'e2', 'e3'];
    expect(resolveActionOwners([{ owner: 'ccc', ownerEnrolmentId: 'e2' }], register)).toEqual({
      owners: ['e2'],
      problems: [],
    });
    expect(
      resolveActionOwners([{ owner: 'ccc' }, { owner: 'ccc', ownerEnrolmentId: 'e9' }], register).problems,
    ).toEqual([
      { field: 'actions.0.ownerEnrolmentId', reason: 'choose which CCC owns the action' },
      {
        field: 'actions.1.ownerEnrolmentId',
        reason: 'the CCC who owns the action must be on this session’s register',
      },
    ]);
  });

  it('is not named for a supervisor’s action', () => {
    expect(resolveActionOwners([{ owner: 'alliance_supervisor', ownerEnrolmentId: 'e1' }], ['e1']).problems).toEqual([
      { field: 'actions.0.ownerEnrolmentId', reason: 'only an action the CCC owns names a CCC' },
    ]);
  });
});

describe('open actions brought to the next session', () => {
  const at = (iso: string) => new Date(iso);
  const actions = [
    { id: 'a', done: false, dueDate: '2026-12-20', sessionStartsAt: at('2026-12-02T10:00:00Z') },
    { id: 'b', done: true, dueDate: '2026-12-10', sessionStartsAt: at('2026-12-02T10:00:00Z') },
    { id: 'c', done: false, dueDate: '2026-12-15', sessionStartsAt: at('2026-11-04T10:00:00Z') },
    { id: 'd', done: false, dueDate: '2027-01-30', sessionStartsAt: at('2027-01-06T10:00:00Z') },
  ];

  it('shows the open actions of earlier sessions, soonest due first', () => {
    expect(carriedOverActions(actions, at('2027-01-06T10:00:00Z')).map((a) => a.id)).toEqual(['c', 'a']);
  });

  it('shows every open earlier action on a session not booked yet', () => {
    expect(carriedOverActions(actions, null).map((a) => a.id)).toEqual(['c', 'a', 'd']);
  });

  it('leaves out the session’s own actions and later ones', () => {
    expect(carriedOverActions(actions, at('2026-12-02T10:00:00Z')).map((a) => a.id)).toEqual(['c']);
  });
});
