import {
  awaitedSignOffs,
  daysWaited,
  filterSignOffs,
  planMonthOf,
  type SignOffFacts,
  signOffEvents,
} from './sign-offs';

const sup = { id: 'sup', fullName: 'Sam Supervisor' };
const ccc = { id: 'ccc', fullName: 'Cara CCC' };
const pcn = { id: 'pcn', fullName: 'Pat PCN' };
const at = (iso: string) => new Date(iso);

function facts(overrides: Partial<SignOffFacts> = {}): SignOffFacts {
  return {
    enrolmentId: 'e1',
    cohortStart: '2026-04-01',
    durationMonths: 6,
    status: 'active',
    reviews: [],
    submitted: [],
    tnas: [],
    training: [],
    attestations: [],
    handover: null,
    amendments: [],
    sessionMarks: [],
    releases: [],
    slotsAwaitingPcn: [],
    releasesPending: [],
    ...overrides,
  };
}

describe('planMonthOf', () => {
  it('places an instant in its plan month by the London date, and keeps the edges within the plan', () => {
    expect(planMonthOf('2026-04-01', 6, at('2026-04-01T00:30:00+01:00'))).toBe(1);
    // 23:30 UTC on 30 April is 00:30 on 1 May in London: month 2.
    expect(planMonthOf('2026-04-01', 6, at('2026-04-30T23:30:00Z'))).toBe(2);
    expect(planMonthOf('2026-04-01', 6, at('2026-03-20T12:00:00Z'))).toBe(1);
    expect(planMonthOf('2026-04-01', 6, at('2026-12-20T12:00:00Z'))).toBe(6);
  });

  it('reads the London date on both sides of the clocks changing (at 01:00 UTC, on the hour)', () => {
    // 25 October 2026: BST ends at 01:00 UTC. 23:30 UTC the day before is 00:30 BST on the 25th.
    expect(planMonthOf('2026-10-25', 6, at('2026-10-24T23:30:00Z'))).toBe(1);
    expect(planMonthOf('2026-09-25', 6, at('2026-10-24T23:30:00Z'))).toBe(2);
    expect(planMonthOf('2026-09-25', 6, at('2026-10-24T22:59:59Z'))).toBe(1);
    expect(daysWaited(at('2026-10-24T22:59:59Z'), '2026-10-25')).toBe(1);
    expect(daysWaited(at('2026-10-24T23:00:00Z'), '2026-10-25')).toBe(0);
    // 29 March 2026: BST starts at 01:00 UTC; 00:59 UTC is still 00:59 GMT on the 29th, 23:59 UTC the 28th.
    expect(daysWaited(at('2026-03-28T23:59:00Z'), '2026-03-29')).toBe(1);
    expect(daysWaited(at('2026-03-29T00:59:00Z'), '2026-03-29')).toBe(0);
  });
});

describe('daysWaited', () => {
  it('counts London calendar days, never negative', () => {
    expect(daysWaited(at('2026-05-01T09:00:00Z'), '2026-05-04')).toBe(3);
    expect(daysWaited(at('2026-05-05T09:00:00Z'), '2026-05-04')).toBe(0);
  });
});

describe('signOffEvents', () => {
  it('turns every kind of record into an event in its month, oldest first, with who, what and a link', () => {
    const all = facts({
      reviews: [
        {
          id: 'r2',
          code: 'SN-01',
          outcome: 'signed_off',
          rating: 3,
          comment: 'Good',
          by: sup,
          at: at('2026-05-10T10:00:00Z'),
        },
        {
          id: 'r1',
          code: 'SN-01',
          outcome: 'returned',
          rating: null,
          comment: 'Add a reflection',
          by: sup,
          at: at('2026-05-02T10:00:00Z'),
        },
      ],
      tnas: [
        {
          round: 1,
          cccSignedAt: at('2026-04-10T10:00:00Z'),
          cccSignedBy: ccc,
          supervisorSignedAt: at('2026-04-11T10:00:00Z'),
          supervisorSignedBy: sup,
        },
      ],
      training: [
        {
          id: 't1',
          title: 'Macmillan Explore',
          completedOn: '2026-06-03',
          completedVia: 'ccc',
          at: at('2026-06-04T10:00:00Z'),
          by: ccc,
        },
      ],
      attestations: [
        {
          id: 'a1',
          expectationKey: 'pcn-induction',
          title: 'Local induction',
          party: 'pcn',
          attestedOn: '2026-07-01',
          note: null,
          by: pcn,
          at: at('2026-07-02T10:00:00Z'),
        },
      ],
      handover: {
        id: 'h1',
        signatures: [
          { party: 'ccc', at: at('2026-09-10T10:00:00Z'), by: ccc },
          { party: 'pcn_supervisor', at: null, by: null },
          { party: 'alliance_supervisor', at: null, by: null },
        ],
      },
      releases: [
        {
          id: 'rr9',
          sessionId: null,
          description: 'Study week',
          decision: 'declined',
          date: '2026-08-20',
          minutes: 90,
          reason: 'Clinic cover',
          by: pcn,
          at: at('2026-08-18T10:00:00Z'),
          viaLink: false,
        },
      ],
      amendments: [{ id: 'm1', record: 'handover', reason: 'Typo', by: sup, at: at('2026-11-02T10:00:00Z') }],
      sessionMarks: [
        {
          sessionId: 's1',
          title: 'Joint session',
          mark: 'slot_accepted',
          by: pcn,
          at: at('2026-04-20T10:00:00Z'),
          viaLink: true,
        },
      ],
    });
    const events = signOffEvents(all);
    expect(events.map((e) => [e.kind, e.month, e.by?.id, e.summary])).toEqual([
      ['tna', 1, 'ccc', 'Signed TNA round 1 as the CCC'],
      ['tna', 1, 'sup', 'Signed TNA round 1 as the Alliance supervisor'],
      ['session', 1, 'pcn', 'Accepted the slot for Joint session'],
      ['competency', 2, 'sup', 'Returned SN-01 for more evidence'],
      ['competency', 2, 'sup', 'Signed off SN-01 at level 3'],
      ['training', 3, 'ccc', 'Completed "Macmillan Explore" on 2026-06-03'],
      ['attestation', 4, 'pcn', 'Attested "Local induction" as done on 2026-07-01'],
      ['release', 5, 'pcn', 'Declined 1 h 30 min release on 2026-08-20: Study week'],
      ['handover', 6, 'ccc', 'Signed the handover as the CCC'],
      // After the end: kept in the last month.
      ['amendment', 6, 'sup', 'Amended the handover record'],
    ]);
    const returned = events.find((e) => e.outcome === 'returned')!;
    expect(returned).toMatchObject({ reason: 'Add a reflection', competencyCode: 'SN-01', party: 'alliance' });
    expect(returned.link).toEqual({ record: 'competency', enrolmentId: 'e1', code: 'SN-01' });
    expect(events.find((e) => e.outcome === 'signed_off')).toMatchObject({ rating: 3, reason: null });
    expect(events.find((e) => e.kind === 'session')).toMatchObject({ viaLink: true, party: 'pcn' });
    expect(events.find((e) => e.kind === 'release')).toMatchObject({
      decision: 'declined',
      minutes: 90,
      reason: 'Clinic cover',
      link: { record: 'release', enrolmentId: 'e1' },
    });
    expect(events.find((e) => e.kind === 'attestation')).toMatchObject({
      party: 'pcn',
      expectationKey: 'pcn-induction',
    });
    // One person's sign-offs only (the sign-offs page's "signed by me"): the same events, the others never built.
    for (const person of ['ccc', 'sup', 'pcn', 'nobody'])
      expect(signOffEvents(all, person)).toEqual(events.filter((e) => e.by?.id === person));
    expect(signOffEvents(all, 'sup')).toHaveLength(4);
    expect(signOffEvents(all, 'nobody')).toEqual([]);
  });

  it('gives an empty enrolment no events', () => {
    expect(signOffEvents(facts())).toEqual([]);
  });
});

describe('awaitedSignOffs', () => {
  const waiting = facts({
    submitted: [{ code: 'PC-02', since: at('2026-05-01T10:00:00Z') }],
    tnas: [
      { round: 1, cccSignedAt: null, cccSignedBy: null, supervisorSignedAt: null, supervisorSignedBy: null },
      {
        round: 2,
        cccSignedAt: null,
        cccSignedBy: null,
        supervisorSignedAt: at('2026-04-20T10:00:00Z'),
        supervisorSignedBy: sup,
      },
    ],
    handover: {
      id: 'h1',
      signatures: [
        { party: 'ccc', at: null, by: null },
        { party: 'pcn_supervisor', at: at('2026-09-10T10:00:00Z'), by: pcn },
        { party: 'alliance_supervisor', at: null, by: null },
      ],
    },
    slotsAwaitingPcn: [{ sessionId: 's9', title: 'Joint review', since: at('2026-04-05T10:00:00Z') }],
    releasesPending: [{ id: 'rr1', sessionId: null, description: 'Study', since: at('2026-06-01T10:00:00Z') }],
  });

  it('says who is awaited for what, oldest first, with how long it has waited', () => {
    const awaited = awaitedSignOffs(waiting, '2026-09-20');
    expect(awaited.map((a) => [a.key, a.awaiting, a.action, a.waitedDays])).toEqual([
      ['session:s9:slot', 'pcn', 'respond_to_slot', 168],
      ['tna:2:ccc', 'ccc', 'sign_tna', 153],
      ['competency:PC-02', 'alliance', 'review_evidence', 142],
      ['release:rr1', 'pcn', 'decide_release', 111],
      ['handover:alliance_supervisor', 'alliance', 'sign_handover', 10],
      ['handover:ccc', 'ccc', 'sign_handover', 10],
    ]);
    expect(awaited.find((a) => a.key === 'release:rr1')!.link).toEqual({ record: 'release', enrolmentId: 'e1' });
  });

  it('awaits nothing of a withdrawn or completed enrolment, nor of a handover nobody has signed', () => {
    expect(awaitedSignOffs({ ...waiting, status: 'withdrawn' }, '2026-09-20')).toEqual([]);
    expect(awaitedSignOffs({ ...waiting, status: 'completed' }, '2026-09-20')).toEqual([]);
    const unsigned = facts({
      handover: {
        id: 'h1',
        signatures: [
          { party: 'ccc', at: null, by: null },
          { party: 'pcn_supervisor', at: null, by: null },
          { party: 'alliance_supervisor', at: null, by: null },
        ],
      },
    });
    expect(awaitedSignOffs(unsigned, '2026-09-20')).toEqual([]);
  });

  it('awaits the Alliance supervisor once the CCC has signed a TNA round, and no one once both have', () => {
    const tna = (cccSignedAt: Date | null, supervisorSignedAt: Date | null) =>
      awaitedSignOffs(
        facts({ tnas: [{ round: 1, cccSignedAt, cccSignedBy: ccc, supervisorSignedAt, supervisorSignedBy: sup }] }),
        '2026-05-01',
      ).map((a) => a.awaiting);
    expect(tna(at('2026-04-10T10:00:00Z'), null)).toEqual(['alliance']);
    expect(tna(at('2026-04-10T10:00:00Z'), at('2026-04-11T10:00:00Z'))).toEqual([]);
  });
});

describe('filterSignOffs', () => {
  it('keeps a kind and a month', () => {
    const items = [
      { kind: 'tna' as const, month: 1 },
      { kind: 'competency' as const, month: 1 },
      { kind: 'competency' as const, month: 2 },
    ];
    expect(filterSignOffs(items, { kind: 'competency' })).toHaveLength(2);
    expect(filterSignOffs(items, { kind: 'competency', month: 2 })).toEqual([{ kind: 'competency', month: 2 }]);
    expect(filterSignOffs(items, {})).toHaveLength(3);
  });
});
