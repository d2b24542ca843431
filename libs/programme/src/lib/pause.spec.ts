import { DEFAULT_TEMPLATE } from './default-template';
import { evaluateExpectations, type ExpectationFacts } from './expectations';
import {
  type EnrolmentPause,
  isPausedOn,
  openPause,
  pausedMonths,
  pausedWeeks,
  type PlanSessionFact,
  resumePreview,
} from './pause';

const START = '2026-09-01';

describe('the paused length in plan months', () => {
  it.each([
    ['2026-10-10', '2026-10-10', 0],
    ['2026-10-10', '2026-10-11', 1],
    ['2026-10-10', '2026-11-10', 1],
    ['2026-10-10', '2026-11-11', 2],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-01', 2],
  ])('from %s back on %s is %d month(s), rounded up', (from, until, months) => {
    expect(pausedMonths(from, until)).toBe(months);
  });

  it('is 0 for a day back before the pause', () => {
    expect(pausedMonths('2026-10-10', '2026-10-01')).toBe(0);
  });
});

describe('what resuming moves', () => {
  const sessions: PlanSessionFact[] = [
    { id: 'm1', title: 'Individual m1', month: 1, status: 'planned', startsAt: null, sharedByCohort: false },
    { id: 'm2b', title: 'Individual m2', month: 2, status: 'scheduled', startsAt: new Date(), sharedByCohort: false },
    { id: 'm2', title: 'Joint m2', month: 2, status: 'planned', startsAt: null, sharedByCohort: false },
    { id: 'g3', title: 'Group m3', month: 3, status: 'planned', startsAt: null, sharedByCohort: true },
    { id: 'm4', title: 'Individual m4', month: 4, status: 'planned', startsAt: null, sharedByCohort: false },
  ];
  // Paused in month 2 (1 Oct – 1 Nov), back on 20 November: 2 months rounded up.
  const input = { cohortStart: START, pausedFrom: '2026-10-10', resumedFrom: '2026-11-20', sessions };

  it('moves the CCC’s own unbooked sessions of the months not over when the pause began, by the paused months', () => {
    const preview = resumePreview({ ...input, shift: true });
    expect(preview.shiftMonths).toBe(2);
    const byId = Object.fromEntries(preview.sessions.map((s) => [s.id, s]));
    expect(byId['m2']).toMatchObject({
      moves: true,
      from: { month: 2, startsOn: '2026-10-01', endsBefore: '2026-11-01' },
      to: { month: 4, startsOn: '2026-12-01', endsBefore: '2027-01-01' },
    });
    expect(byId['m4']).toMatchObject({ moves: true, to: { month: 6, startsOn: '2027-02-01' } });
  });

  it('leaves booked sessions, cohort meetings and months over before the pause where they are, saying why', () => {
    const preview = resumePreview({ ...input, shift: true });
    const stay = preview.sessions.filter((s) => !s.moves);
    expect(stay.map((s) => [s.id, s.why])).toEqual([
      ['m1', 'its month ended before the pause'],
      ['m2b', 'booked or held: it keeps its date'],
      ['g3', "a cohort meeting: it stays on the cohort's calendar"],
    ]);
    for (const s of stay) expect(s.to).toEqual(s.from);
  });

  it('moves nothing when the administrator keeps the plan, and lists every session as staying', () => {
    const preview = resumePreview({ ...input, shift: false });
    expect(preview.shiftMonths).toBe(0);
    expect(preview.sessions.every((s) => !s.moves)).toBe(true);
    expect(preview.sessions.find((s) => s.id === 'm4')?.why).toBe('the plan is not shifted');
  });

  it('lists sessions in month order', () => {
    expect(resumePreview({ ...input, shift: true }).sessions.map((s) => s.id)).toEqual(['m1', 'm2b', 'm2', 'g3', 'm4']);
  });
});

describe('paused weeks', () => {
  const done: EnrolmentPause = { from: '2026-09-09', until: '2026-09-21', reason: 'sick leave', shiftedMonths: 0 };

  it('are the ISO weeks a pause touches, a running one up to today', () => {
    expect([...pausedWeeks([done], '2026-12-01')]).toEqual(['2026-W37', '2026-W38']);
    const running = { ...done, until: null };
    expect([...pausedWeeks([running], '2026-09-30')]).toEqual(['2026-W37', '2026-W38', '2026-W39', '2026-W40']);
    expect(pausedWeeks(undefined, '2026-09-30').size).toBe(0);
  });

  it('say whether a day is paused (the day back is not) and which pause is open', () => {
    expect(isPausedOn([done], '2026-09-09')).toBe(true);
    expect(isPausedOn([done], '2026-09-21')).toBe(false);
    expect(isPausedOn([done], '2026-09-08')).toBe(false);
    expect(openPause([done])).toBeNull();
    expect(openPause([done, { ...done, from: '2026-10-01', until: null }])?.from).toBe('2026-10-01');
  });

  it('are left out of the PCN’s weekly release: a paused CCC’s empty weeks count against no one', () => {
    const facts: ExpectationFacts = {
      cohortStart: START,
      sessions: [],
      release: [{ kind: 'study', date: '2026-09-02', minutes: 60, status: 'confirmed' }],
      attestations: [],
    };
    const today = '2026-09-23';
    const weekly = (f: ExpectationFacts) =>
      evaluateExpectations(DEFAULT_TEMPLATE, f, new Date(`${today}T12:00:00Z`), today).find(
        (r) => r.key === 'pcn-weekly-release',
      );
    expect(weekly(facts)).toMatchObject({ state: 'at_risk', progress: { done: 1, target: 3 } });
    expect(weekly({ ...facts, pauses: [done] })).toMatchObject({
      state: 'on_track',
      progress: { done: 1, target: 1 },
      evidence: '1 of 1 complete weeks had at least 1 hour of confirmed study time; 2 paused weeks not counted',
    });
  });

  it('make a month that ended while paused nobody’s "not held"', () => {
    const facts: ExpectationFacts = {
      cohortStart: START,
      sessions: [
        {
          kind: 'individual',
          month: 2,
          status: 'planned',
          startsAt: null,
          durationMinutes: null,
          attendance: 'expected',
          pcnSupervisorAttendance: null,
        },
      ],
      release: [],
      attestations: [],
    };
    const today = '2026-11-15';
    const individual = (f: ExpectationFacts) =>
      evaluateExpectations(DEFAULT_TEMPLATE, f, new Date(`${today}T12:00:00Z`), today).find(
        (r) => r.key === 'alliance-individual',
      );
    expect(individual(facts)?.sessions).toEqual({ notHeld: 1, didNotAttend: 0 });
    const paused: EnrolmentPause = { from: '2026-10-20', until: '2026-11-10', reason: 'leave', shiftedMonths: 0 };
    expect(individual({ ...facts, pauses: [paused] })?.sessions).toBeUndefined();
  });
});
