import { addDays, addMonths, format, getISOWeek, getISOWeekYear, isValid } from 'date-fns';
import fc from 'fast-check';
import { displayStatus, SESSION_STATUSES } from './booking';
import { DEFAULT_TEMPLATE } from './default-template';
import {
  evaluateExpectations,
  type ExpectationFacts,
  type ExpectationResult,
  type ExpectationState,
  type SessionFact,
} from './expectations';
import { GM_TEMPLATE } from './gm-template';
import { plannedSessions } from './schedule';
import { addCalendarDays, addCalendarMonths, type IsoDate, isoWeekOf, isoWeeksBetween, londonDate } from './months';
import {
  confirmedReleaseMinutes,
  hours,
  RELEASE_KINDS,
  RELEASE_STATUSES,
  type ReleaseEntry,
  type ReleaseRules,
  releaseRules,
  studyWeeks,
  type StudyWeek,
  type WeekState,
} from './release-time';
import { type Expectation, type ProgrammeTemplate, SESSION_KINDS, type SessionKind } from './template';

/*
 * The linear-time rules (day numbers, weeks counted once, release bucketed by week in one pass) against the
 * implementation they replaced, kept here verbatim as the reference: the same answers on generated data.
 */

// --- The reference: the former implementation, date-fns formatting each day ----------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function oldToCalendar(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [, y, m, d] = match;
  const value = new Date(Number(y), Number(m) - 1, Number(d), 12);
  if (!isValid(value) || format(value, 'yyyy-MM-dd') !== date) throw new RangeError(`Not a calendar date: ${date}`);
  return value;
}

function oldAddCalendarMonths(date: IsoDate, months: number): IsoDate {
  return format(addMonths(oldToCalendar(date), months), 'yyyy-MM-dd');
}

function oldMonthBounds(start: IsoDate, month: number) {
  if (!Number.isInteger(month) || month < 1) throw new RangeError(`Month must be a positive whole number: ${month}`);
  return { month, startsOn: oldAddCalendarMonths(start, month - 1), endsBefore: oldAddCalendarMonths(start, month) };
}

function oldIsoWeekOf(date: IsoDate): string {
  const day = oldToCalendar(date);
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
}

function oldAddCalendarDays(date: IsoDate, days: number): IsoDate {
  return format(addDays(oldToCalendar(date), days), 'yyyy-MM-dd');
}

function oldIsoWeeksBetween(from: IsoDate, toExclusive: IsoDate): string[] {
  const weeks: string[] = [];
  for (let day = from; day < toExclusive; day = oldAddCalendarDays(day, 1)) {
    const week = oldIsoWeekOf(day);
    if (weeks.at(-1) !== week) weeks.push(week);
  }
  return weeks;
}

function oldStudyWeeks(entries: readonly ReleaseEntry[], weeks: readonly string[], rules: ReleaseRules): StudyWeek[] {
  return weeks.map((week) => {
    const inWeek = entries.filter((e) => e.kind === 'study' && oldIsoWeekOf(e.date) === week);
    const confirmedMinutes = inWeek.filter((e) => e.status === 'confirmed').reduce((s, e) => s + e.minutes, 0);
    const pendingMinutes = inWeek.filter((e) => e.status === 'pending').reduce((s, e) => s + e.minutes, 0);
    const declinedMinutes = inWeek.filter((e) => e.status === 'declined').reduce((s, e) => s + e.minutes, 0);
    const { min, max } = rules.weeklyStudyMinutes;
    const state: WeekState = confirmedMinutes < min ? 'below' : confirmedMinutes > max ? 'above' : 'within';
    return { week, confirmedMinutes, pendingMinutes, declinedMinutes, state };
  });
}

const ATTENDANCE_ON_TRACK = 0.8;
const live = (s: SessionFact) => s.status !== 'cancelled';

function oldSessionCount(
  expectation: Expectation,
  kinds: SessionKind[],
  target: number,
  facts: ExpectationFacts,
  ended: boolean,
  now: Date,
): Omit<ExpectationResult, 'key' | 'party' | 'title'> {
  const ofKind = facts.sessions.filter((s) => kinds.includes(s.kind) && live(s));
  const done =
    expectation.party === 'pcn'
      ? ofKind.filter((s) => s.status === 'completed' && s.pcnSupervisorAttendance === 'present').length
      : ofKind.filter((s) => s.status === 'completed').length;
  const stillPossible = ofKind.filter((s) => {
    const status = displayStatus(
      { ...s, participants: [], monthEndsBefore: oldMonthBounds(facts.cohortStart, s.month).endsBefore },
      now,
    );
    return ['planned', 'scheduled', 'overdue', 'awaiting_pcn', 'awaiting_alliance'].includes(status);
  }).length;
  const evidence = `${done} of ${target} held${stillPossible ? `; ${stillPossible} more planned or booked` : ''}`;
  const progress = { done, target };
  if (done >= target) return { state: 'met', evidence, progress };
  if (ended) return { state: 'missed', evidence, progress };
  return { state: done + stillPossible >= target ? 'on_track' : 'at_risk', evidence, progress };
}

function oldAttendance(
  kinds: SessionKind[],
  facts: ExpectationFacts,
  ended: boolean,
): Omit<ExpectationResult, 'key' | 'party' | 'title'> {
  const held = facts.sessions.filter((s) => kinds.includes(s.kind) && s.status === 'completed');
  const present = held.filter((s) => s.attendance === 'present').length;
  const evidence = held.length ? `attended ${present} of ${held.length} held` : 'none held yet';
  const progress = { done: present, target: held.length };
  if (held.length === 0) return { state: ended ? 'missed' : 'on_track', evidence, progress };
  const share = present / held.length;
  if (ended) return { state: share >= ATTENDANCE_ON_TRACK ? 'met' : 'missed', evidence, progress };
  return { state: share >= ATTENDANCE_ON_TRACK ? 'on_track' : 'at_risk', evidence, progress };
}

function oldEvaluateExpectations(
  template: ProgrammeTemplate,
  facts: ExpectationFacts,
  now: Date,
  today: IsoDate,
): ExpectationResult[] {
  const endsBefore = oldAddCalendarMonths(facts.cohortStart, template.durationMonths);
  const ended = today >= endsBefore;
  const lastMonthStarts = oldMonthBounds(facts.cohortStart, template.durationMonths).startsOn;
  const rules = releaseRules(template);
  return template.expectations.map((expectation) => {
    const { key, party, title, measure } = expectation;
    const base = { key, party, title };
    switch (measure.type) {
      case 'session_count':
        return { ...base, ...oldSessionCount(expectation, measure.kinds, measure.target, facts, ended, now) };
      case 'attendance':
        return { ...base, ...oldAttendance(measure.kinds, facts, ended) };
      case 'weekly_release': {
        const weeks = oldIsoWeeksBetween(facts.cohortStart, ended ? endsBefore : oldAddCalendarDays(today, 1)).slice(
          0,
          ended ? undefined : -1,
        );
        const checked = rules ? oldStudyWeeks(facts.release, weeks, rules) : [];
        const within = checked.filter((w) => w.state !== 'below').length;
        const declinedWeeks = checked.filter((w) => w.declinedMinutes > 0).length;
        const evidence = weeks.length
          ? `${within} of ${weeks.length} complete weeks had at least ${measure.minHours} hour${measure.minHours === 1 ? '' : 's'} of confirmed study time` +
            (declinedWeeks
              ? `; the PCN declined study time in ${declinedWeeks} week${declinedWeeks === 1 ? '' : 's'}`
              : '')
          : 'no complete week yet';
        const progress = { done: within, target: weeks.length };
        const recentBelow = checked.slice(-2).some((w) => w.state === 'below');
        if (ended)
          return {
            ...base,
            state: within >= weeks.length * ATTENDANCE_ON_TRACK ? 'met' : 'missed',
            evidence,
            progress,
          };
        return { ...base, state: weeks.length && recentBelow ? 'at_risk' : 'on_track', evidence, progress };
      }
      case 'total_release': {
        const cap = Math.round(measure.maxDays * measure.hoursPerDay * 60);
        const used = confirmedReleaseMinutes(facts.release);
        const counted = facts.release.filter((e) => e.kind !== 'study');
        const declinedCount = counted.filter((e) => e.status === 'declined').length;
        const declined = declinedCount
          ? `; ${declinedCount} request${declinedCount === 1 ? '' : 's'} declined by the PCN`
          : '';
        const evidence = `${hours(used)} of ${hours(cap)} hours of release confirmed${declined}`;
        const progress = { done: used, target: cap };
        const withReason = counted.some((e) => e.status === 'confirmed' && !!e.overrideReason?.trim());
        if (used > cap && !withReason)
          return {
            ...base,
            state: 'at_risk',
            evidence: `${evidence}: over the agreed ${measure.maxDays} days with no reason recorded`,
            progress,
          };
        if (used > cap)
          return {
            ...base,
            state: ended ? 'met' : 'on_track',
            evidence: `${evidence}: over the agreed ${measure.maxDays} days, with the PCN\u2019s reason`,
            progress,
          };
        return { ...base, state: ended ? 'met' : 'on_track', evidence, progress };
      }
      case 'attestation': {
        const attested = facts.attestations.find((a) => a.expectationKey === key);
        if (attested)
          return {
            ...base,
            state: 'met',
            evidence: `confirmed by ${attested.attestedBy} on ${attested.attestedOn}`,
            progress: null,
          };
        const state: ExpectationState = ended ? 'missed' : today >= lastMonthStarts ? 'at_risk' : 'on_track';
        return { ...base, state, evidence: 'not confirmed yet', progress: null };
      }
      case 'survey': {
        if (facts.surveySubmittedOn === undefined) break;
        if (facts.surveySubmittedOn)
          return { ...base, state: 'met', evidence: `submitted on ${facts.surveySubmittedOn}`, progress: null };
        const due = today >= lastMonthStarts;
        return {
          ...base,
          state: due ? 'at_risk' : 'on_track',
          evidence: due ? 'not submitted yet' : `opens on ${lastMonthStarts}`,
          progress: null,
        };
      }
      // Not measured by the reference, which came before these.
      case 'competencies':
      case 'training':
      case 'duties':
        break;
    }
    return {
      ...base,
      state: 'not_measured' as const,
      evidence: `the service does not record ${measure.type} yet`,
      progress: null,
    };
  });
}

// --- Generated data ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** Any day from 2020 to 2031 (leap years, both daylight-saving changes and 53-week years included). */
const dateArb = fc
  .integer({ min: Date.UTC(2020, 0, 1) / DAY_MS, max: Date.UTC(2031, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
const instantArb = fc
  .integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2031, 11, 31) / 60_000 })
  .map((minute) => new Date(minute * 60_000));

const sessionArb: fc.Arbitrary<SessionFact> = fc.record({
  kind: fc.constantFrom(...SESSION_KINDS),
  month: fc.integer({ min: 1, max: 13 }),
  status: fc.constantFrom(...SESSION_STATUSES),
  startsAt: fc.option(instantArb),
  durationMinutes: fc.option(fc.integer({ min: 15, max: 240 })),
  attendance: fc.constantFrom('expected' as const, 'present' as const, 'apologies' as const, 'absent' as const),
  pcnSupervisorAttendance: fc.constantFrom(null, 'present' as const, 'apologies' as const, 'absent' as const),
});

const releaseArb = (around: fc.Arbitrary<IsoDate>): fc.Arbitrary<ReleaseEntry> =>
  fc.record({
    kind: fc.constantFrom(...RELEASE_KINDS),
    date: around,
    minutes: fc.integer({ min: 0, max: 600 }),
    status: fc.constantFrom(...RELEASE_STATUSES),
    overrideReason: fc.constantFrom(null, '', 'Extra training day agreed'),
  });

/**
 * The template with every count target its plan can meet: the reference predates "target not in the plan" (and
 * the facts carry no track, so nothing is "not applicable"), which are tested in expectations.spec.ts.
 */
function withTargetsInPlan(template: ProgrammeTemplate): ProgrammeTemplate {
  const planned = plannedSessions(template, 'supervision');
  return {
    ...template,
    expectations: template.expectations.map((x) =>
      x.measure.type === 'session_count'
        ? {
            ...x,
            measure: {
              ...x.measure,
              target: Math.min(
                x.measure.target,
                planned.filter((s) => (x.measure as { kinds: SessionKind[] }).kinds.includes(s.kind)).length,
              ),
            },
          }
        : x,
    ),
  };
}

/** A cohort start, the facts of one CCC around it, a template and a day to evaluate on. */
const caseArb = dateArb.chain((cohortStart) => {
  const near = fc
    .integer({ min: -30, max: 420 })
    .map((days) => new Date(Date.parse(cohortStart) + days * DAY_MS).toISOString().slice(0, 10));
  return fc.record({
    template: fc.constantFrom(DEFAULT_TEMPLATE, GM_TEMPLATE).map(withTargetsInPlan),
    today: near,
    hour: fc.integer({ min: 0, max: 23 }),
    facts: fc.record({
      cohortStart: fc.constant(cohortStart),
      sessions: fc.array(sessionArb, { maxLength: 30 }),
      release: fc.array(releaseArb(near), { maxLength: 60 }),
      attestations: fc.array(
        fc.record({
          expectationKey: fc.constantFrom(...DEFAULT_TEMPLATE.expectations.map((x) => x.key), 'other'),
          attestedOn: near,
          attestedBy: fc.constantFrom('Jo Whitfield', 'Sam Patel'),
        }),
        { maxLength: 3 },
      ),
      surveySubmittedOn: fc.option(near, { nil: undefined }).chain((d) => fc.constantFrom(d, null)),
    }),
  });
});

describe('the linear-time rules give the answers of the implementation they replaced', () => {
  it('counts days, months and ISO weeks as date-fns did', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -30, max: 30 }), (date, d, m) => {
        expect(isoWeekOf(date)).toBe(oldIsoWeekOf(date));
        expect(addCalendarDays(date, d)).toBe(oldAddCalendarDays(date, d));
        expect(addCalendarMonths(date, m)).toBe(oldAddCalendarMonths(date, m));
      }),
      { numRuns: 1000 },
    );
  });

  it('lists the ISO weeks between two dates as the day-by-day walk did', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -10, max: 500 }), (from, days) => {
        const to = oldAddCalendarDays(from, days);
        expect(isoWeeksBetween(from, to)).toEqual(oldIsoWeeksBetween(from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('buckets study time by week as the week-by-week filter did', () => {
    const rules = releaseRules(DEFAULT_TEMPLATE)!;
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 200 }), (from, days) => {
        const to = oldAddCalendarDays(from, days);
        const weeks = oldIsoWeeksBetween(from, to);
        const entries = fc.sample(
          releaseArb(fc.integer({ min: -7, max: days + 7 }).map((d) => oldAddCalendarDays(from, d))),
          { numRuns: 40, seed: days },
        );
        expect(studyWeeks(entries, weeks, rules)).toEqual(oldStudyWeeks(entries, weeks, rules));
      }),
      { numRuns: 300 },
    );
  });

  it('evaluates every expectation as before, on generated CCCs', () => {
    fc.assert(
      fc.property(caseArb, ({ template, today, hour, facts }) => {
        const now = new Date(`${today}T${String(hour).padStart(2, '0')}:30:00Z`);
        const day = londonDate(now);
        // The counts of sessions never booked and not attended are newer than the reference: tested apart.
        const results = evaluateExpectations(template, facts, now, day).map(({ sessions: _, ...r }) => r);
        expect(results).toEqual(oldEvaluateExpectations(template, facts, now, day));
      }),
      { numRuns: 600 },
    );
  });
});
