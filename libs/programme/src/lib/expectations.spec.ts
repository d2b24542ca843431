import type { SessionStatus } from './booking';
import { DEFAULT_TEMPLATE } from './default-template';
import {
  EXPECTATION_STATES,
  evaluateExpectations,
  type ExpectationFacts,
  type ExpectationResult,
  type SessionFact,
} from './expectations';
import { addCalendarDays, monthBounds } from './months';
import type { ReleaseEntry, ReleaseStatus } from './release-time';
import type { ProgrammeTemplate, SessionKind } from './template';

/*
 * A cohort starting Tue 1 Sep 2026. Month k: 1 Sep–30 Sep, …, month 6 1 Feb–28 Feb 2027; the programme ends
 * before Mon 1 Mar 2027.
 */
const START = '2026-09-01';
const LAST_MONTH_STARTS = '2027-02-01';
const ENDS_BEFORE = '2027-03-01';

/** A session of `kind` in `month`, booked for the 10th of the month at 10:00 London unless it is only planned. */
function session(
  kind: SessionKind,
  month: number,
  status: SessionStatus,
  extra: Partial<SessionFact> = {},
): SessionFact {
  const booked = status !== 'planned';
  const day = addCalendarDays(monthBounds(START, month).startsOn, 9);
  return {
    kind,
    month,
    status,
    startsAt: booked ? new Date(`${day}T09:00:00Z`) : null,
    durationMinutes: booked ? 60 : null,
    attendance: status === 'completed' ? 'present' : 'expected',
    pcnSupervisorAttendance: status === 'completed' && (kind === 'joint' || kind === 'handover') ? 'present' : null,
    ...extra,
  };
}

const study = (date: string, minutes: number, status: ReleaseStatus = 'confirmed'): ReleaseEntry => ({
  kind: 'study',
  date,
  minutes,
  status,
});

function facts(partial: Partial<ExpectationFacts> = {}): ExpectationFacts {
  return { cohortStart: START, sessions: [], release: [], attestations: [], ...partial };
}

/** Evaluates on `today` at noon (UTC, which is noon or 13:00 in London) and gives the result for `key`. */
function evaluate(
  key: string,
  f: ExpectationFacts,
  today: string,
  template: ProgrammeTemplate = DEFAULT_TEMPLATE,
): ExpectationResult {
  const results = evaluateExpectations(template, f, new Date(`${today}T12:00:00Z`), today);
  const result = results.find((r) => r.key === key);
  if (!result) throw new Error(`no result for ${key}`);
  return result;
}

const states = (key: string, f: ExpectationFacts, days: string[]) => days.map((today) => evaluate(key, f, today).state);

describe('every expectation of the template', () => {
  it('gets one result, in the template’s order, with its key, party and title', () => {
    const results = evaluateExpectations(DEFAULT_TEMPLATE, facts(), new Date('2026-11-15T12:00:00Z'), '2026-11-15');
    expect(results.map(({ key, party, title }) => ({ key, party, title }))).toEqual(
      DEFAULT_TEMPLATE.expectations.map(({ key, party, title }) => ({ key, party, title })),
    );
    for (const r of results) {
      expect(EXPECTATION_STATES).toContain(r.state);
      expect(r.evidence).toEqual(expect.any(String));
      expect(r.evidence.length).toBeGreaterThan(0);
    }
  });

  it('shows a cohort with nothing recorded, two and a half months in', () => {
    const results = evaluateExpectations(DEFAULT_TEMPLATE, facts(), new Date('2026-11-15T12:00:00Z'), '2026-11-15');
    expect(Object.fromEntries(results.map((r) => [r.key, r.state]))).toEqual({
      'ccc-attend-supervision': 'on_track',
      'ccc-competencies': 'not_measured',
      'ccc-training': 'not_measured',
      'ccc-community-of-practice': 'on_track',
      'ccc-conference': 'on_track',
      'ccc-evaluation': 'not_measured',
      'pcn-table-2': 'not_measured',
      'pcn-weekly-release': 'at_risk',
      'pcn-total-release': 'on_track',
      'pcn-joint-sessions': 'at_risk',
      'pcn-final-interview': 'at_risk',
      'alliance-individual': 'at_risk',
      'alliance-group': 'at_risk',
      'alliance-tna': 'at_risk',
      'alliance-competency-framework': 'not_measured',
      'alliance-training-available': 'not_measured',
      'alliance-des-aligned': 'on_track',
      'alliance-flex': 'on_track',
    });
  });

  it('evaluates a template with no expectations to nothing', () => {
    const template = { ...structuredClone(DEFAULT_TEMPLATE), expectations: [] };
    expect(evaluateExpectations(template, facts(), new Date('2026-11-15T12:00:00Z'), '2026-11-15')).toEqual([]);
  });
});

describe('the Alliance’s 6 individual supervision sessions', () => {
  const KEY = 'alliance-individual';

  it('counts only sessions recorded as held; booked and awaiting ones keep it on track', () => {
    const f = facts({
      sessions: [
        session('individual', 1, 'completed'),
        session('individual', 2, 'completed'),
        session('individual', 3, 'scheduled'),
        session('individual', 4, 'awaiting_pcn'),
        session('individual', 5, 'awaiting_alliance'),
        session('individual', 6, 'planned'),
      ],
    });
    expect(evaluate(KEY, f, '2026-11-05')).toEqual({
      key: KEY,
      party: 'alliance',
      title: 'Provide 6 individual supervision sessions',
      state: 'on_track',
      evidence: '2 of 6 held; 4 more planned or booked',
      progress: { done: 2, target: 6 },
    });
  });

  it('does not count a booked session whose time has passed until it is recorded as held', () => {
    const f = facts({
      sessions: [
        ...[1, 2, 4, 5, 6].map((m) => session('individual', m, m < 3 ? 'completed' : 'planned')),
        session('individual', 3, 'scheduled'), // 10 Nov 2026, not yet recorded
      ],
    });
    const result = evaluate(KEY, f, '2026-11-12');
    expect(result.progress).toEqual({ done: 2, target: 6 });
    expect(result.state).toBe('on_track');
  });

  it('is met with 6 held, before the programme ends', () => {
    const f = facts({ sessions: [1, 2, 3, 4, 5, 6].map((m) => session('individual', m, 'completed')) });
    expect(evaluate(KEY, f, '2027-02-15')).toMatchObject({
      state: 'met',
      evidence: '6 of 6 held',
      progress: { done: 6, target: 6 },
    });
  });

  it('is at risk once a month has ended with its session never booked', () => {
    const f = facts({
      sessions: [
        session('individual', 1, 'completed'),
        session('individual', 2, 'completed'),
        session('individual', 3, 'planned'), // month 3 ended on 30 Nov 2026
        session('individual', 4, 'planned'),
        session('individual', 5, 'planned'),
        session('individual', 6, 'planned'),
      ],
    });
    // On the last day of month 3 it can still be booked.
    expect(evaluate(KEY, f, '2026-11-30').state).toBe('on_track');
    expect(evaluate(KEY, f, '2026-12-01')).toMatchObject({
      state: 'at_risk',
      evidence: '2 of 6 held; 3 more planned or booked',
      progress: { done: 2, target: 6 },
    });
  });

  it('is at risk when a session was cancelled and nothing replaced it', () => {
    const f = facts({
      sessions: [
        session('individual', 1, 'completed'),
        session('individual', 2, 'cancelled'),
        ...[3, 4, 5, 6].map((m) => session('individual', m, 'planned')),
      ],
    });
    expect(evaluate(KEY, f, '2026-11-05')).toMatchObject({ state: 'at_risk', progress: { done: 1, target: 6 } });
    // A fresh planned session in its place puts it back on track.
    f.sessions.push(session('individual', 2, 'planned'));
    expect(evaluate(KEY, f, '2026-10-20').state).toBe('on_track');
  });

  it('does not count a session recorded as missed', () => {
    const f = facts({
      sessions: [
        session('individual', 1, 'missed'),
        ...[2, 3, 4, 5, 6].map((m) => session('individual', m, 'planned')),
      ],
    });
    expect(evaluate(KEY, f, '2026-10-05')).toMatchObject({
      state: 'at_risk',
      evidence: '0 of 6 held; 5 more planned or booked',
    });
  });

  it('still counts a booked session left unrecorded more than 7 days after it ended: it may yet be recorded', () => {
    const f = facts({
      sessions: [
        session('individual', 1, 'completed'),
        ...[2, 3, 4, 5, 6].map((m) => session('individual', m, 'scheduled')),
      ],
    });
    // Month 2's session was at 10:00 BST on 10 Oct 2026 for an hour; it is overdue after 11:00 BST on 17 Oct.
    for (const today of ['2026-10-16', '2026-10-17', '2026-11-20']) {
      expect(evaluate(KEY, f, today)).toMatchObject({
        state: 'on_track',
        evidence: '1 of 6 held; 5 more planned or booked',
      });
    }
  });

  it('is missed once the programme has ended below target, even with a session still booked', () => {
    const f = facts({
      sessions: [
        ...[1, 2, 3, 4, 5].map((m) => session('individual', m, 'completed')),
        session('individual', 6, 'scheduled', { startsAt: new Date('2027-02-25T10:00:00Z') }),
      ],
    });
    expect(evaluate(KEY, f, '2027-02-28').state).toBe('on_track');
    expect(evaluate(KEY, f, ENDS_BEFORE)).toMatchObject({
      state: 'missed',
      evidence: '5 of 6 held; 1 more planned or booked',
      progress: { done: 5, target: 6 },
    });
    expect(evaluate(KEY, f, '2027-06-01').state).toBe('missed');
  });

  it('stays met after the programme ends', () => {
    const f = facts({ sessions: [1, 2, 3, 4, 5, 6].map((m) => session('individual', m, 'completed')) });
    expect(evaluate(KEY, f, ENDS_BEFORE).state).toBe('met');
  });

  it('counts only individual sessions', () => {
    const f = facts({
      sessions: [session('group', 1, 'completed'), session('joint', 1, 'completed'), session('tna', 1, 'completed')],
    });
    expect(evaluate(KEY, f, '2026-10-05').progress).toEqual({ done: 0, target: 6 });
  });

  it('follows the template’s target', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    const measure = template.expectations.find((e) => e.key === KEY)?.measure;
    if (measure?.type !== 'session_count') throw new Error('expected a session count');
    measure.target = 3;
    const f = facts({ sessions: [1, 2, 3].map((m) => session('individual', m, 'completed')) });
    expect(evaluate(KEY, f, '2026-12-05', template)).toMatchObject({
      state: 'met',
      evidence: '3 of 3 held',
      progress: { done: 3, target: 3 },
    });
  });
});

describe('the Alliance’s 6 group sessions and 2 TNA sessions against a plan of 5 and 1 (target not in the plan)', () => {
  const GROUP_WARNING =
    'The plan holds 5 group sessions but the Alliance expects 6 (\u201cProvide 6 group supervision sessions\u201d).';

  it('blames no one with every planned group session held, during the programme and after it, with the warning', () => {
    const f = facts({ sessions: [1, 2, 3, 4, 5].map((m) => session('group', m, 'completed')) });
    for (const day of ['2027-02-10', ENDS_BEFORE, '2027-06-01'])
      expect(evaluate('alliance-group', f, day)).toEqual({
        key: 'alliance-group',
        party: 'alliance',
        title: 'Provide 6 group supervision sessions',
        state: 'not_in_plan',
        evidence: '5 of 6 held (the plan holds 5)',
        progress: { done: 5, target: 6 },
        warning: GROUP_WARNING,
      });
  });

  it('blames no one while every planned group session is held or still booked', () => {
    const f = facts({
      sessions: [
        ...[1, 2].map((m) => session('group', m, 'completed')),
        ...[3, 4, 5].map((m) => session('group', m, 'planned')),
      ],
    });
    expect(evaluate('alliance-group', f, '2026-11-15')).toMatchObject({ state: 'not_in_plan', warning: GROUP_WARNING });
  });

  it('is at risk, then missed, when even the plan is not delivered (still with the warning)', () => {
    const f = facts({
      sessions: [
        ...[1, 2, 3].map((m) => session('group', m, 'completed')),
        session('group', 4, 'cancelled'),
        session('group', 5, 'planned'),
      ],
    });
    expect(evaluate('alliance-group', f, '2027-02-10')).toMatchObject({
      state: 'at_risk',
      evidence: '3 of 6 held (the plan holds 5)',
      warning: GROUP_WARNING,
    });
    expect(evaluate('alliance-group', f, ENDS_BEFORE)).toMatchObject({ state: 'missed', warning: GROUP_WARNING });
  });

  it('is met if a sixth group session is held after all', () => {
    const f = facts({ sessions: [1, 2, 3, 4, 5, 5].map((m) => session('group', m, 'completed')) });
    const result = evaluate('alliance-group', f, ENDS_BEFORE);
    expect(result).toMatchObject({ state: 'met', evidence: '6 of 6 held' });
    expect(result.warning).toBeUndefined();
  });

  it('shows the one planned TNA held as the template’s shortfall, on either track', () => {
    const f = facts({ sessions: [session('tna', 1, 'completed')] });
    for (const track of ['supervision', 'training'] as const)
      expect(evaluate('alliance-tna', { ...f, track }, '2026-10-05')).toMatchObject({
        state: 'not_in_plan',
        progress: { done: 1, target: 2 },
        warning:
          'The plan holds 1 TNA but the Alliance expects 2 (\u201cProvide 2 training needs analysis sessions\u201d).',
      });
  });

  it('gives no warning where the plan meets the target', () => {
    expect(evaluate('alliance-individual', facts(), '2026-11-15').warning).toBeUndefined();
  });
});

describe('sessions that did not count: never booked, or not attended (never one "missed")', () => {
  it('counts a session nobody booked apart from one the CCC did not attend', () => {
    const f = facts({
      sessions: [
        session('individual', 1, 'completed', { attendance: 'absent' }),
        session('individual', 2, 'completed', { attendance: 'apologies' }),
        session('individual', 3, 'planned'),
        session('individual', 4, 'planned'),
        session('group', 1, 'completed', { attendance: 'absent' }),
      ],
    });
    // 15 Dec 2026: months 1–3 are over, month 4 is running.
    expect(evaluate('alliance-individual', f, '2026-12-15').sessions).toEqual({ notHeld: 1, didNotAttend: 2 });
    expect(evaluate('ccc-attend-supervision', f, '2026-12-15').sessions).toEqual({ notHeld: 1, didNotAttend: 3 });
  });

  it('counts the PCN supervisor’s absence for the PCN’s joint sessions, not the CCC’s', () => {
    const f = facts({
      sessions: [
        session('joint', 1, 'completed', { attendance: 'absent', pcnSupervisorAttendance: 'present' }),
        session('joint', 3, 'completed', { pcnSupervisorAttendance: 'apologies' }),
      ],
    });
    expect(evaluate('pcn-joint-sessions', f, '2026-12-15').sessions).toEqual({ notHeld: 0, didNotAttend: 1 });
  });

  it('says nothing where every session counted or is still to come', () => {
    expect(
      evaluate('alliance-individual', facts({ sessions: [session('individual', 6, 'planned')] }), '2026-12-15'),
    ).not.toHaveProperty('sessions');
  });
});

describe('expectations by track (the template says which tracks each applies to)', () => {
  const evaluateAll = (f: ExpectationFacts, today = '2026-11-15', template = DEFAULT_TEMPLATE) =>
    Object.fromEntries(
      evaluateExpectations(template, f, new Date(`${today}T12:00:00Z`), today).map((r) => [r.key, r.state]),
    );

  it('shows the supervision offer as not applicable to a training-track CCC, even after the end', () => {
    const states = evaluateAll(facts({ track: 'training' }), '2027-06-01');
    for (const key of [
      'ccc-attend-supervision',
      'pcn-table-2',
      'pcn-joint-sessions',
      'pcn-final-interview',
      'alliance-individual',
      'alliance-group',
      'alliance-des-aligned',
      'alliance-flex',
    ])
      expect(states[key]).toBe('not_applicable');
    expect(states['ccc-conference']).toBe('missed');
    expect(states['alliance-tna']).toBe('missed');
    expect(states['pcn-weekly-release']).not.toBe('not_applicable');
  });

  it('says why, with no progress', () => {
    expect(evaluate('alliance-individual', facts({ track: 'training' }), '2026-11-15')).toEqual({
      key: 'alliance-individual',
      party: 'alliance',
      title: 'Provide 6 individual supervision sessions',
      state: 'not_applicable',
      evidence: 'not expected on the training track',
      progress: null,
    });
  });

  it('applies every Wessex expectation to a supervision-track CCC', () => {
    expect(Object.values(evaluateAll(facts({ track: 'supervision' })))).not.toContain('not_applicable');
  });

  it('follows the template’s data, not the code', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.expectations.find((x) => x.key === 'ccc-community-of-practice')!.tracks = ['supervision'];
    template.expectations.find((x) => x.key === 'alliance-individual')!.tracks = ['supervision', 'training'];
    const states = evaluateAll(facts({ track: 'training' }), '2026-11-15', template);
    expect(states['ccc-community-of-practice']).toBe('not_applicable');
    // Applied to a track whose plan holds none: the template's shortfall, not the Alliance's.
    expect(states['alliance-individual']).toBe('not_in_plan');
  });

  it('falls back, for versions stored without tracks, to what the track’s plan holds', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    for (const x of template.expectations) delete x.tracks;
    const states = evaluateAll(facts({ track: 'training' }), '2026-11-15', template);
    expect(states['alliance-individual']).toBe('not_applicable');
    expect(states['ccc-attend-supervision']).toBe('not_applicable');
    expect(states['pcn-table-2']).toBe('not_measured');
    expect(states['alliance-tna']).toBe('at_risk');
  });
});

describe('the PCN’s 3 joint sessions', () => {
  const KEY = 'pcn-joint-sessions';
  const planned = () => [
    session('joint', 1, 'planned'),
    session('joint', 3, 'planned'),
    session('handover', 6, 'planned'),
  ];

  it('counts joint sessions and the handover held with the PCN supervisor present', () => {
    const f = facts({
      sessions: [
        session('joint', 1, 'completed'),
        session('joint', 3, 'completed'),
        session('handover', 6, 'completed'),
      ],
    });
    expect(evaluate(KEY, f, '2027-02-20')).toMatchObject({
      party: 'pcn',
      state: 'met',
      evidence: '3 of 3 held',
      progress: { done: 3, target: 3 },
    });
  });

  it.each([['apologies'], ['absent'], [null]] as const)(
    'does not count a held session where the PCN supervisor’s attendance is %p',
    (pcn) => {
      const f = facts({
        sessions: [
          session('joint', 1, 'completed', { pcnSupervisorAttendance: pcn }),
          session('joint', 3, 'completed'),
          session('handover', 6, 'scheduled'),
        ],
      });
      const result = evaluate(KEY, f, '2027-02-05');
      expect(result.progress).toEqual({ done: 1, target: 3 });
      expect(result.evidence).toBe('1 of 3 held; 1 more planned or booked');
      expect(result.state).toBe('at_risk');
    },
  );

  it('is on track while the sessions are planned, or awaiting the PCN supervisor', () => {
    const f = facts({ sessions: planned() });
    expect(evaluate(KEY, f, '2026-09-05').state).toBe('on_track');
    f.sessions[0] = session('joint', 1, 'awaiting_pcn');
    expect(evaluate(KEY, f, '2026-09-05')).toMatchObject({
      state: 'on_track',
      evidence: '0 of 3 held; 3 more planned or booked',
    });
  });

  it('is at risk when month 1 ends with its joint session not booked', () => {
    expect(evaluate(KEY, facts({ sessions: planned() }), '2026-10-01').state).toBe('at_risk');
  });

  it('does not count sessions of other kinds, even with the PCN supervisor present', () => {
    const f = facts({
      sessions: [
        session('individual', 1, 'completed', { pcnSupervisorAttendance: 'present' }),
        session('group', 1, 'completed', { pcnSupervisorAttendance: 'present' }),
      ],
    });
    expect(evaluate(KEY, f, '2026-10-05').progress).toEqual({ done: 0, target: 3 });
  });

  it('is missed at the end with 2 of 3', () => {
    const f = facts({
      sessions: [
        session('joint', 1, 'completed'),
        session('joint', 3, 'completed'),
        session('handover', 6, 'cancelled'),
      ],
    });
    expect(evaluate(KEY, f, ENDS_BEFORE)).toMatchObject({ state: 'missed', evidence: '2 of 3 held' });
  });

  it('makes the final interview its own expectation: the handover with the PCN supervisor present', () => {
    const absent = facts({ sessions: [session('handover', 6, 'completed', { pcnSupervisorAttendance: 'absent' })] });
    expect(evaluate('pcn-final-interview', absent, ENDS_BEFORE)).toMatchObject({
      state: 'missed',
      progress: { done: 0, target: 1 },
    });
    const present = facts({ sessions: [session('handover', 6, 'completed')] });
    expect(evaluate('pcn-final-interview', present, '2027-02-20')).toMatchObject({
      state: 'met',
      evidence: '1 of 1 held',
    });
    // A joint session does not stand in for the handover.
    const joint = facts({ sessions: [session('joint', 3, 'completed')] });
    expect(evaluate('pcn-final-interview', joint, '2026-12-05').progress).toEqual({ done: 0, target: 1 });
  });
});

describe('the CCC’s attendance at supervisions (80% rule)', () => {
  const KEY = 'ccc-attend-supervision';
  const held = (present: number, notPresent: number, how: SessionFact['attendance'] = 'absent') => [
    ...Array.from({ length: present }, (_, i) => session(i % 2 ? 'group' : 'individual', 1 + (i % 5), 'completed')),
    ...Array.from({ length: notPresent }, (_, i) =>
      session(i % 2 ? 'individual' : 'group', 1 + (i % 5), 'completed', { attendance: how }),
    ),
  ];

  it('is on track with none held yet, and missed if none were held by the end', () => {
    expect(evaluate(KEY, facts(), '2026-09-20')).toMatchObject({
      party: 'ccc',
      state: 'on_track',
      evidence: 'none held yet',
      progress: { done: 0, target: 0 },
    });
    expect(evaluate(KEY, facts(), ENDS_BEFORE).state).toBe('missed');
  });

  it('is on track at exactly 80% (4 of 5)', () => {
    expect(evaluate(KEY, facts({ sessions: held(4, 1) }), '2026-12-20')).toMatchObject({
      state: 'on_track',
      evidence: 'attended 4 of 5 held',
      progress: { done: 4, target: 5 },
    });
  });

  it('is at risk below 80% (3 of 4)', () => {
    expect(evaluate(KEY, facts({ sessions: held(3, 1) }), '2026-12-20')).toMatchObject({
      state: 'at_risk',
      evidence: 'attended 3 of 4 held',
    });
  });

  it('counts apologies as not attended', () => {
    expect(evaluate(KEY, facts({ sessions: held(3, 1, 'apologies') }), '2026-12-20').state).toBe('at_risk');
  });

  it('is met at the end at 80% or more, and missed below', () => {
    expect(evaluate(KEY, facts({ sessions: held(8, 2) }), ENDS_BEFORE)).toMatchObject({
      state: 'met',
      evidence: 'attended 8 of 10 held',
    });
    expect(evaluate(KEY, facts({ sessions: held(7, 3) }), ENDS_BEFORE)).toMatchObject({
      state: 'missed',
      evidence: 'attended 7 of 10 held',
    });
  });

  it('looks only at held individual and group sessions', () => {
    const f = facts({
      sessions: [
        ...held(4, 0),
        session('joint', 1, 'completed', { attendance: 'absent' }),
        session('tna', 1, 'completed', { attendance: 'absent' }),
        session('individual', 5, 'scheduled'),
        session('group', 5, 'cancelled', { attendance: 'absent' }),
      ],
    });
    expect(evaluate(KEY, f, '2026-12-20')).toMatchObject({ state: 'on_track', evidence: 'attended 4 of 4 held' });
  });
});

describe('the CCC’s attendance at the conference', () => {
  const KEY = 'ccc-conference';

  it('is on track until the conference is held', () => {
    const f = facts({ sessions: [session('conference', 6, 'scheduled')] });
    expect(evaluate(KEY, f, '2027-02-05')).toMatchObject({ state: 'on_track', evidence: 'none held yet' });
  });

  it('is met at the end when the CCC attended it', () => {
    const f = facts({ sessions: [session('conference', 6, 'completed')] });
    expect(evaluate(KEY, f, '2027-02-20')).toMatchObject({ state: 'on_track', evidence: 'attended 1 of 1 held' });
    expect(evaluate(KEY, f, ENDS_BEFORE)).toMatchObject({ state: 'met', progress: { done: 1, target: 1 } });
  });

  it('is at risk when the CCC missed it, and missed at the end', () => {
    const f = facts({ sessions: [session('conference', 6, 'completed', { attendance: 'apologies' })] });
    expect(evaluate(KEY, f, '2027-02-20')).toMatchObject({ state: 'at_risk', evidence: 'attended 0 of 1 held' });
    expect(evaluate(KEY, f, ENDS_BEFORE).state).toBe('missed');
  });

  it('is missed when no conference was held by the end', () => {
    expect(evaluate(KEY, facts({ sessions: [session('conference', 6, 'cancelled')] }), ENDS_BEFORE).state).toBe(
      'missed',
    );
  });

  it('is not affected by supervision attendance', () => {
    const f = facts({ sessions: [session('individual', 1, 'completed', { attendance: 'absent' })] });
    expect(evaluate(KEY, f, '2026-10-05').evidence).toBe('none held yet');
  });
});

describe('the PCN’s weekly release for study (1–2 hours a week)', () => {
  const KEY = 'pcn-weekly-release';
  /** Study of `minutes` on the Wednesday of each complete week W36–W37 (2 Sep, 9 Sep 2026). */
  const firstTwoWeeks = (minutes: [number, number]) => [
    study('2026-09-02', minutes[0]),
    study('2026-09-09', minutes[1]),
  ];

  it('has no complete week on the first days of the programme', () => {
    for (const today of ['2026-08-20', START, '2026-09-06']) {
      expect(evaluate(KEY, facts(), today)).toMatchObject({
        party: 'pcn',
        state: 'on_track',
        evidence: 'no complete week yet',
        progress: { done: 0, target: 0 },
      });
    }
  });

  it('is on track with at least an hour in each of the last two complete weeks', () => {
    // Wed 16 Sep 2026 is in W38; W36 (Tue 1 – Sun 6 Sep) and W37 are complete.
    expect(evaluate(KEY, facts({ release: firstTwoWeeks([60, 60]) }), '2026-09-16')).toMatchObject({
      state: 'on_track',
      evidence: '2 of 2 complete weeks had at least 1 hour of confirmed study time',
      progress: { done: 2, target: 2 },
    });
  });

  it('is at risk with 59 minutes in one of the last two complete weeks', () => {
    expect(evaluate(KEY, facts({ release: firstTwoWeeks([60, 59]) }), '2026-09-16')).toMatchObject({
      state: 'at_risk',
      progress: { done: 1, target: 2 },
    });
    expect(evaluate(KEY, facts({ release: firstTwoWeeks([59, 60]) }), '2026-09-16').state).toBe('at_risk');
  });

  it('counts a week with more than 2 hours as released (the range’s top is not a shortfall)', () => {
    expect(evaluate(KEY, facts({ release: firstTwoWeeks([121, 300]) }), '2026-09-16').state).toBe('on_track');
  });

  it('does not judge the current week while it is being filled in', () => {
    const f = facts({ release: firstTwoWeeks([60, 60]) });
    for (const today of ['2026-09-15', '2026-09-16', '2026-09-20']) {
      expect(evaluate(KEY, f, today)).toMatchObject({ state: 'on_track', progress: { done: 2, target: 2 } });
    }
  });

  it('judges the week that ended yesterday on a Monday', () => {
    // Mon 21 Sep 2026: W38 (14–20 Sep) is complete and had no study time.
    const f = facts({ release: firstTwoWeeks([60, 60]) });
    expect(evaluate(KEY, f, '2026-09-21')).toMatchObject({
      state: 'at_risk',
      evidence: '2 of 3 complete weeks had at least 1 hour of confirmed study time',
      progress: { done: 2, target: 3 },
    });
    f.release.push(study('2026-09-20', 60));
    expect(evaluate(KEY, f, '2026-09-21')).toMatchObject({ state: 'on_track', progress: { done: 3, target: 3 } });
  });

  it('looks only at the last two complete weeks for risk', () => {
    const f = facts({ release: [study('2026-09-02', 0), study('2026-09-09', 60), study('2026-09-16', 60)] });
    expect(evaluate(KEY, f, '2026-09-23')).toMatchObject({
      state: 'on_track',
      evidence: '2 of 3 complete weeks had at least 1 hour of confirmed study time',
    });
  });

  it('adds up 30 Sep and 2 Oct 2026 in one week across the month boundary', () => {
    const f = facts({
      release: [study('2026-09-23', 60), study('2026-09-30', 30), study('2026-10-02', 30)],
    });
    // Wed 7 Oct 2026 is in W41; W39 and W40 (Mon 28 Sep – Sun 4 Oct) are the last two complete weeks.
    expect(evaluate(KEY, f, '2026-10-07').state).toBe('on_track');
    f.release.pop();
    expect(evaluate(KEY, f, '2026-10-07').state).toBe('at_risk');
  });

  it('puts Sunday 25 Oct 2026, the day the clocks go back, in the week before the Monday', () => {
    // Wed 28 Oct 2026 is in W44; W42 and W43 (19–25 Oct) are the last two complete weeks.
    const sunday = facts({ release: [study('2026-10-14', 60), study('2026-10-25', 60)] });
    expect(evaluate(KEY, sunday, '2026-10-28').state).toBe('on_track');
    const monday = facts({ release: [study('2026-10-14', 60), study('2026-10-26', 60)] });
    expect(evaluate(KEY, monday, '2026-10-28').state).toBe('at_risk');
  });

  it('does not count pending, declined or withdrawn study time', () => {
    const f = facts({
      release: [
        study('2026-09-02', 60),
        study('2026-09-09', 60, 'pending'),
        study('2026-09-10', 60, 'declined'),
        study('2026-09-11', 60, 'withdrawn'),
      ],
    });
    expect(evaluate(KEY, f, '2026-09-16').state).toBe('at_risk');
  });

  it('does not count release for sessions and training as study time', () => {
    const f = facts({
      release: [study('2026-09-02', 60), { kind: 'session', date: '2026-09-09', minutes: 60, status: 'confirmed' }],
    });
    expect(evaluate(KEY, f, '2026-09-16').state).toBe('at_risk');
  });

  describe('at the end of the programme (26 weeks, W36 2026 to W08 2027)', () => {
    const weekly = (weeks: number) =>
      Array.from({ length: 26 }, (_, i) => study(addCalendarDays('2026-09-01', 7 * i), i < weeks ? 60 : 0));

    it('is met with every week released', () => {
      expect(evaluate(KEY, facts({ release: weekly(26) }), ENDS_BEFORE)).toMatchObject({
        state: 'met',
        evidence: '26 of 26 complete weeks had at least 1 hour of confirmed study time',
        progress: { done: 26, target: 26 },
      });
    });

    it('is met with 21 of 26 weeks (80% or more) and missed with 20', () => {
      expect(evaluate(KEY, facts({ release: weekly(21) }), ENDS_BEFORE).state).toBe('met');
      expect(evaluate(KEY, facts({ release: weekly(20) }), ENDS_BEFORE)).toMatchObject({
        state: 'missed',
        progress: { done: 20, target: 26 },
      });
    });

    it('judges the same 26 weeks long after the end', () => {
      expect(evaluate(KEY, facts({ release: weekly(26) }), '2027-09-01').progress).toEqual({ done: 26, target: 26 });
    });
  });

  it('says in which weeks the PCN declined study time: their decision, shown as such', () => {
    const declined = { kind: 'study' as const, date: '2026-09-08', minutes: 60, status: 'declined' as const };
    const result = evaluate(KEY, facts({ release: [...firstTwoWeeks([0, 60]), declined] }), '2026-09-16');
    expect(result.evidence).toBe(
      '1 of 2 complete weeks had at least 1 hour of confirmed study time; the PCN declined study time in 1 week',
    );
  });

  it('follows the template’s weekly hours', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    const measure = template.expectations.find((e) => e.key === KEY)?.measure;
    if (measure?.type !== 'weekly_release') throw new Error('expected weekly release');
    measure.minHours = 2;
    const result = evaluate(KEY, facts({ release: firstTwoWeeks([90, 120]) }), '2026-09-16', template);
    expect(result).toMatchObject({
      state: 'at_risk',
      evidence: '1 of 2 complete weeks had at least 2 hours of confirmed study time',
    });
  });
});

describe('the PCN’s release for supervisions and training (up to 5 days of 7.5 hours)', () => {
  const KEY = 'pcn-total-release';
  const release = (minutes: number, status: ReleaseStatus = 'confirmed', kind: ReleaseEntry['kind'] = 'training') => ({
    kind,
    date: '2026-10-15',
    minutes,
    status,
  });

  it('shows hours of 37.5 and is on track with none used', () => {
    expect(evaluate(KEY, facts(), '2026-10-20')).toMatchObject({
      party: 'pcn',
      state: 'on_track',
      evidence: '0 of 37.5 hours of release confirmed',
      progress: { done: 0, target: 2250 },
    });
  });

  it('is on track at exactly 37.5 hours', () => {
    const f = facts({ release: [release(2190), release(60, 'confirmed', 'session')] });
    expect(evaluate(KEY, f, '2026-10-20')).toMatchObject({
      state: 'on_track',
      evidence: '37.5 of 37.5 hours of release confirmed',
      progress: { done: 2250, target: 2250 },
    });
  });

  it('is never missed for going past the 5 days with the PCN’s reason: a ceiling they agree to, not a target', () => {
    const over = { ...release(66, 'confirmed', 'session'), overrideReason: 'Extra conference day agreed' };
    const f = facts({ release: [release(2190), over] });
    expect(evaluate(KEY, f, '2026-10-20')).toMatchObject({
      state: 'on_track',
      evidence: '37.6 of 37.5 hours of release confirmed: over the agreed 5 days, with the PCN\u2019s reason',
      progress: { done: 2256, target: 2250 },
    });
    expect(evaluate(KEY, f, ENDS_BEFORE).state).toBe('met');
  });

  it('is at risk, not missed, past the 5 days with no reason recorded (data from before reasons were asked)', () => {
    const f = facts({ release: [release(2190), release(66, 'confirmed', 'session')] });
    for (const today of ['2026-10-20', ENDS_BEFORE])
      expect(evaluate(KEY, f, today)).toMatchObject({
        state: 'at_risk',
        evidence: '37.6 of 37.5 hours of release confirmed: over the agreed 5 days with no reason recorded',
      });
  });

  it('counts declined requests as the PCN’s decisions, visibly, without counting their hours', () => {
    const f = facts({ release: [release(600), release(120, 'declined', 'session'), release(450, 'declined')] });
    expect(evaluate(KEY, f, '2026-10-20')).toMatchObject({
      state: 'on_track',
      evidence: '10 of 37.5 hours of release confirmed; 2 requests declined by the PCN',
    });
  });

  it('is met at the end when within the cap', () => {
    expect(evaluate(KEY, facts({ release: [release(1800)] }), ENDS_BEFORE)).toMatchObject({
      state: 'met',
      evidence: '30 of 37.5 hours of release confirmed',
    });
  });

  it('does not count study time, or release that is not confirmed', () => {
    const f = facts({
      release: [
        release(600),
        release(3000, 'confirmed', 'study'),
        release(3000, 'pending'),
        release(3000, 'declined'),
        release(3000, 'withdrawn'),
      ],
    });
    expect(evaluate(KEY, f, '2026-10-20')).toMatchObject({
      state: 'on_track',
      evidence: '10 of 37.5 hours of release confirmed; 1 request declined by the PCN',
    });
  });

  it('follows the template’s days and day length', () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    const measure = template.expectations.find((e) => e.key === KEY)?.measure;
    if (measure?.type !== 'total_release') throw new Error('expected total release');
    measure.maxDays = 4;
    measure.hoursPerDay = 7;
    expect(evaluate(KEY, facts({ release: [release(1740)] }), '2026-10-20', template)).toMatchObject({
      state: 'at_risk',
      evidence: '29 of 28 hours of release confirmed: over the agreed 4 days with no reason recorded',
      progress: { done: 1740, target: 1680 },
    });
  });
});

describe('expectations the responsible party attests', () => {
  const KEYS = ['ccc-community-of-practice', 'alliance-des-aligned', 'alliance-flex'];

  it.each(KEYS)('%s is met once attested, with who and when', (key) => {
    const f = facts({ attestations: [{ expectationKey: key, attestedOn: '2026-10-01', attestedBy: 'Sam Patel' }] });
    for (const today of ['2026-10-01', LAST_MONTH_STARTS, ENDS_BEFORE]) {
      expect(evaluate(key, f, today)).toMatchObject({
        state: 'met',
        evidence: 'confirmed by Sam Patel on 2026-10-01',
        progress: null,
      });
    }
  });

  it.each(KEYS)('%s is on track before the last month, at risk in it and missed after the end', (key) => {
    expect(states(key, facts(), [START, '2027-01-31', LAST_MONTH_STARTS, '2027-02-28', ENDS_BEFORE])).toEqual([
      'on_track',
      'on_track',
      'at_risk',
      'at_risk',
      'missed',
    ]);
    expect(evaluate(key, facts(), '2027-01-31')).toMatchObject({ evidence: 'not confirmed yet', progress: null });
  });

  it('does not take one expectation’s attestation for another', () => {
    const f = facts({
      attestations: [{ expectationKey: 'alliance-des-aligned', attestedOn: '2026-10-01', attestedBy: 'Sam Patel' }],
    });
    expect(evaluate('alliance-des-aligned', f, '2026-11-01').state).toBe('met');
    expect(evaluate('alliance-flex', f, '2026-11-01')).toMatchObject({
      state: 'on_track',
      evidence: 'not confirmed yet',
    });
  });

  it('puts the last month where the template’s duration does', () => {
    const template = { ...structuredClone(DEFAULT_TEMPLATE), durationMonths: 3 };
    // Month 3 of a 3-month programme starts on 1 Nov 2026; it ends before 1 Dec 2026.
    expect(evaluate('alliance-flex', facts(), '2026-10-31', template).state).toBe('on_track');
    expect(evaluate('alliance-flex', facts(), '2026-11-01', template).state).toBe('at_risk');
    expect(evaluate('alliance-flex', facts(), '2026-12-01', template).state).toBe('missed');
  });
});

describe('expectations whose facts the caller did not load', () => {
  it.each([
    ['ccc-competencies', 'competencies'],
    ['ccc-training', 'training'],
    ['ccc-evaluation', 'survey'],
    ['alliance-competency-framework', 'competencies'],
    ['alliance-training-available', 'training'],
  ])('%s is not measured, and says so', (key, type) => {
    for (const today of [START, '2026-12-01', ENDS_BEFORE]) {
      expect(evaluate(key, facts(), today)).toMatchObject({
        state: 'not_measured',
        evidence: `the service does not record ${type} yet`,
        progress: null,
      });
    }
  });
});

describe('the competency framework and the training plan (#15 item 3)', () => {
  const competencies = (started: number, submitted: number, signedOff: number, total = 10) => ({
    competencies: { total, started, submitted, signedOff },
  });
  const item = (targetMonth: number, completedOn: string | null = null) => ({ targetMonth, completedOn });

  it('the CCC works towards every competency: none started is at risk, some on track, all met', () => {
    expect(evaluate('ccc-competencies', facts(competencies(0, 0, 0)), '2026-10-15')).toMatchObject({
      state: 'at_risk',
      evidence: 'working on 0 of 10 competencies (0 signed off)',
      progress: { done: 0, target: 10 },
    });
    expect(evaluate('ccc-competencies', facts(competencies(4, 2, 1)), '2026-10-15')).toMatchObject({
      state: 'on_track',
      evidence: 'working on 4 of 10 competencies (1 signed off; 2 competencies with evidence awaiting review)',
    });
    // In the last month what is not started is at risk; after the end, missed.
    expect(evaluate('ccc-competencies', facts(competencies(9, 0, 5)), LAST_MONTH_STARTS).state).toBe('at_risk');
    expect(evaluate('ccc-competencies', facts(competencies(9, 0, 5)), ENDS_BEFORE).state).toBe('missed');
    expect(evaluate('ccc-competencies', facts(competencies(10, 0, 5)), '2026-10-15').state).toBe('met');
  });

  it('the Alliance completes the framework with the postholder: every competency signed off', () => {
    expect(evaluate('alliance-competency-framework', facts(competencies(10, 3, 6)), '2026-12-01')).toMatchObject({
      state: 'on_track',
      evidence: '6 of 10 competencies signed off; 3 competencies with evidence awaiting review',
      progress: { done: 6, target: 10 },
    });
    expect(evaluate('alliance-competency-framework', facts(competencies(10, 3, 6)), LAST_MONTH_STARTS).state).toBe(
      'at_risk',
    );
    expect(evaluate('alliance-competency-framework', facts(competencies(10, 0, 9)), ENDS_BEFORE).state).toBe('missed');
    expect(evaluate('alliance-competency-framework', facts(competencies(10, 0, 10)), ENDS_BEFORE).state).toBe('met');
  });

  it('a framework with no competencies asks nothing of anyone', () => {
    expect(evaluate('ccc-competencies', facts(competencies(0, 0, 0, 0)), ENDS_BEFORE).state).toBe('not_applicable');
  });

  it('the CCC completes the training plan: an item past its month is at risk, all done is met', () => {
    // The first TNA is in month 1 (September): the plan is due by 1 October.
    expect(evaluate('ccc-training', facts({ training: [] }), '2026-09-20')).toMatchObject({
      state: 'on_track',
      evidence: 'no training in the plan yet',
    });
    expect(evaluate('ccc-training', facts({ training: [] }), '2026-10-01').state).toBe('at_risk');
    const plan = [item(2, '2026-10-20'), item(3), item(5)];
    expect(evaluate('ccc-training', facts({ training: plan }), '2026-11-15')).toMatchObject({
      state: 'on_track',
      evidence: '1 of 3 training plan items done',
      progress: { done: 1, target: 3 },
    });
    // Month 3 (November) ended on 1 December with its item undone.
    expect(evaluate('ccc-training', facts({ training: plan }), '2026-12-01')).toMatchObject({
      state: 'at_risk',
      evidence: '1 of 3 training plan items done; 1 past its month',
    });
    expect(evaluate('ccc-training', facts({ training: plan }), ENDS_BEFORE).state).toBe('missed');
    const done = plan.map((i) => ({ ...i, completedOn: '2027-02-01' }));
    expect(evaluate('ccc-training', facts({ training: done }), ENDS_BEFORE).state).toBe('met');
  });

  it('the Alliance makes training available: a plan with items after the first TNA', () => {
    expect(evaluate('alliance-training-available', facts({ training: [] }), '2026-09-20')).toMatchObject({
      state: 'on_track',
      evidence: 'the training plan is agreed at the training needs analysis (by 2026-10-01)',
    });
    expect(evaluate('alliance-training-available', facts({ training: [] }), '2026-10-02')).toMatchObject({
      state: 'at_risk',
      evidence: 'no training plan items since the training needs analysis (due by 2026-10-01)',
    });
    expect(evaluate('alliance-training-available', facts({ training: [] }), ENDS_BEFORE).state).toBe('missed');
    expect(evaluate('alliance-training-available', facts({ training: [item(2)] }), '2026-10-02')).toMatchObject({
      state: 'met',
      evidence: '1 training plan item available to the CCC, 0 done',
    });
  });
});

describe('the Table 2 duties (#15 item 12)', () => {
  const dates = { cohortStart: START, employmentStart: '2026-08-01' };
  const attested = (...keys: string[]) => keys.map((key) => ({ key, attestedOn: '2026-09-30', attestedBy: 'Grace' }));

  it('counts the duties that can be true in the programme, one by one, and says the later ones apart', () => {
    const f = facts({ duties: { attested: attested('pcn-local-induction'), dates } });
    expect(evaluate('pcn-table-2', f, '2026-10-15')).toMatchObject({
      state: 'on_track',
      progress: { done: 1, target: 4 },
    });
    expect(evaluate('pcn-table-2', f, LAST_MONTH_STARTS).state).toBe('at_risk');
    expect(evaluate('pcn-table-2', f, ENDS_BEFORE).state).toBe('missed');
  });

  it('expects the appraisal inside the programme when the employment began a year before', () => {
    const f = facts({
      duties: {
        attested: attested(
          'pcn-mandatory-training',
          'pcn-local-induction',
          'pcn-systems-training',
          'pcn-clinical-supervision',
        ),
        dates: { ...dates, employmentStart: '2025-10-01' },
      },
    });
    expect(evaluate('pcn-table-2', f, '2026-11-01')).toMatchObject({
      state: 'on_track',
      progress: { done: 4, target: 5 },
    });
  });
});

describe('a whole programme that went to plan', () => {
  it('meets every measured expectation on the day after the end', () => {
    const plan: SessionFact[] = [
      ...[1, 2, 3, 4, 5, 6].map((m) => session('individual', m, 'completed')),
      ...[1, 2, 3, 4, 5, 6].map((m) => session('group', m, 'completed')),
      session('tna', 1, 'completed'),
      session('tna', 4, 'completed'),
      session('joint', 1, 'completed'),
      session('joint', 3, 'completed'),
      session('handover', 6, 'completed'),
      session('conference', 6, 'completed'),
    ];
    const release: ReleaseEntry[] = [
      ...Array.from({ length: 26 }, (_, i) => study(addCalendarDays('2026-09-01', 7 * i), 90)),
      // 18 sessions of an hour and 19.5 hours of training: 37.5 hours, the whole allowance.
      ...plan.map((): ReleaseEntry => ({ kind: 'session', date: '2026-10-01', minutes: 60, status: 'confirmed' })),
      { kind: 'training', date: '2027-02-15', minutes: 1170, status: 'confirmed' },
    ];
    const attestations = ['ccc-community-of-practice', 'alliance-des-aligned', 'alliance-flex'].map(
      (expectationKey) => ({ expectationKey, attestedOn: '2027-02-26', attestedBy: 'Programme administrator' }),
    );
    // The PCN's four Table 2 duties that can be true in the programme, confirmed; the later two come after it.
    const duties = {
      attested: [
        'pcn-mandatory-training',
        'pcn-local-induction',
        'pcn-systems-training',
        'pcn-clinical-supervision',
      ].map((key) => ({ key, attestedOn: '2026-09-30', attestedBy: 'Grace Okafor' })),
      dates: { cohortStart: START, employmentStart: '2026-08-01' },
    };
    const results = evaluateExpectations(
      DEFAULT_TEMPLATE,
      facts({
        sessions: plan,
        release,
        attestations,
        duties,
        competencies: { total: 4, started: 4, submitted: 0, signedOff: 4 },
        training: [{ targetMonth: 3, completedOn: '2026-11-20' }],
        surveySubmittedOn: '2027-02-20',
      }),
      new Date(`${ENDS_BEFORE}T09:00:00Z`),
      ENDS_BEFORE,
    );
    const notMet = results.filter((r) => r.state !== 'met');
    expect(notMet).toEqual([]);
    expect(results.find((r) => r.key === 'pcn-table-2')?.evidence).toBe(
      '4 of 4 duties confirmed; later: follow-on supervision after 6 months (from 2027-03-01), 1-year appraisal (from 2027-08-01)',
    );
    expect(results.find((r) => r.key === 'pcn-total-release')?.evidence).toBe(
      '37.5 of 37.5 hours of release confirmed',
    );
  });
});

describe('the evaluation survey, once the service knows whether it was submitted', () => {
  it('is on track before the last month, due (at risk) from it and after the end, met once submitted', () => {
    const notYet = facts({ surveySubmittedOn: null });
    expect(states('ccc-evaluation', notYet, [START, '2027-02-01', ENDS_BEFORE, '2027-06-01'])).toEqual([
      'on_track',
      'at_risk',
      'at_risk',
      'at_risk',
    ]);
    expect(evaluate('ccc-evaluation', notYet, START).evidence).toBe('opens on 2027-02-01');
    expect(evaluate('ccc-evaluation', facts({ surveySubmittedOn: '2027-02-20' }), ENDS_BEFORE)).toMatchObject({
      state: 'met',
      evidence: 'submitted on 2027-02-20',
    });
  });
});
