import { type DisplayStatus, displayStatus, type SessionStatus } from './booking';
import { addCalendarDays, isoWeeksBetween, type IsoDate, monthBounds, programmeEndsBefore } from './months';
import { capStanding, hours, type ReleaseEntry, releaseRules, studyWeeks } from './release-time';
import { type DutyAttestationFact, type DutyDates, dutiesOf, dutyStanding } from './duties';
import { type EnrolmentPause, isPausedOn, pausedWeeks } from './pause';
import { plannedSessions } from './schedule';
import type { Expectation, Party, ProgrammeTemplate, SessionKind, Track } from './template';

/*
 * Each party's expectations, computed from the data, each with the evidence behind it. The measures come from
 * the template; this file says how each kind of measure is judged.
 */

export const EXPECTATION_STATES = [
  'met',
  'on_track',
  'at_risk',
  'missed',
  'not_in_plan',
  'not_applicable',
  'not_measured',
] as const;
/**
 * `not_measured`: the data that would show it is not recorded by the service yet (said, not guessed).
 * `not_in_plan`: the target asks for more sessions than the template plans, and everything planned is held or on
 * course: the shortfall is the template's, not a party's (shown with the template's warning).
 * `not_applicable`: the expectation is not for this CCC's track.
 */
export type ExpectationState = (typeof EXPECTATION_STATES)[number];

export interface SessionFact {
  kind: SessionKind;
  month: number;
  status: SessionStatus;
  startsAt: Date | null;
  durationMinutes: number | null;
  /** This CCC's attendance. */
  attendance: 'expected' | 'present' | 'apologies' | 'absent';
  /** Recorded attendance of the PCN supervisor, for the sessions they join. */
  pcnSupervisorAttendance: 'present' | 'apologies' | 'absent' | null;
}

export interface AttestationFact {
  expectationKey: string;
  attestedOn: IsoDate;
  attestedBy: string;
}

export interface ExpectationFacts {
  cohortStart: IsoDate;
  /** The CCC's track; absent: every expectation applies and targets are judged against the supervision plan. */
  track?: Track;
  sessions: SessionFact[];
  release: ReleaseEntry[];
  attestations: AttestationFact[];
  /** When the CCC submitted the evaluation survey (null: not yet); left out where it is not known. */
  surveySubmittedOn?: IsoDate | null;
  /** The enrolment's pauses: their weeks and the months that ended in them count against no one. */
  pauses?: readonly EnrolmentPause[];
  /** Where the CCC is with the competencies of their cohort's framework; left out where it is not known. */
  competencies?: CompetencyFacts;
  /** The CCC's training plan items; left out where it is not known. */
  training?: TrainingFact[];
  /** The Table 2 duties attested, with the dates later duties depend on; left out where it is not known. */
  duties?: { attested: DutyAttestationFact[]; dates: DutyDates };
}

export interface CompetencyFacts {
  /** Competencies in the framework the cohort is pinned to. */
  total: number;
  /** Past "not started" (working towards, evidence submitted or signed off). */
  started: number;
  /** Evidence waiting for the supervisor's review. */
  submitted: number;
  signedOff: number;
}

export interface TrainingFact {
  /** Month of the programme it is planned for. */
  targetMonth: number;
  completedOn: IsoDate | null;
}

export interface ExpectationResult {
  key: string;
  party: Party;
  title: string;
  state: ExpectationState;
  /** What the state rests on, in words a person can check. */
  evidence: string;
  /** For counts: how far along, e.g. 2 of 6. */
  progress: { done: number; target: number } | null;
  /** The template's own warning about this expectation (a target its plan cannot meet). */
  warning?: string;
  /**
   * For session measures, when any: sessions of its kinds nobody booked before their month ended (`notHeld`), and
   * held ones the party counted did not attend (the CCC; the PCN supervisor for the PCN's counts).
   */
  sessions?: { notHeld: number; didNotAttend: number };
}

/**
 * What the session measures ask of each session, worked out once per enrolment rather than once per expectation
 * (a cohort report evaluates every expectation of every CCC): its display status, and whether its month ended
 * while the CCC was paused.
 */
interface SessionJudgements {
  status(s: SessionFact): DisplayStatus;
  monthEndedInPause(month: number): boolean;
}

const NO_PARTICIPANTS: readonly never[] = [];

function sessionJudgements(
  facts: ExpectationFacts,
  now: Date,
  monthEndsBefore: (month: number) => IsoDate,
): SessionJudgements {
  const statuses = new Map<SessionFact, DisplayStatus>();
  const paused = new Map<number, boolean>();
  return {
    status(s) {
      let status = statuses.get(s);
      if (status === undefined) {
        const state = {
          status: s.status,
          participants: NO_PARTICIPANTS,
          startsAt: s.startsAt,
          durationMinutes: s.durationMinutes,
          monthEndsBefore: monthEndsBefore(s.month),
        };
        statuses.set(s, (status = displayStatus(state, now)));
      }
      return status;
    },
    monthEndedInPause(month) {
      if (!facts.pauses?.length) return false;
      let inPause = paused.get(month);
      if (inPause === undefined)
        paused.set(month, (inPause = isPausedOn(facts.pauses, addCalendarDays(monthEndsBefore(month), -1))));
      return inPause;
    },
  };
}

type SessionOutcomes = NonNullable<ExpectationResult['sessions']>;

/** What a measure judged: a result less the expectation's own key, party and title and the session outcomes. */
type Judgement = Omit<ExpectationResult, 'key' | 'party' | 'title' | 'sessions'>;

/**
 * The result of an expectation, its fields set one by one in one order: object spreads of judgements of many
 * shapes went through V8's slow generic path, a third of a cohort report's rule time (issue #17).
 */
function resultOf(expectation: Expectation, judgement: Judgement, outcomes: SessionOutcomes | null = null) {
  const result: ExpectationResult = {
    key: expectation.key,
    party: expectation.party,
    title: expectation.title,
    state: judgement.state,
    evidence: judgement.evidence,
    progress: judgement.progress,
  };
  if (judgement.warning !== undefined) result.warning = judgement.warning;
  if (outcomes) result.sessions = outcomes;
  return result;
}

/** The two ways a session of these kinds did not count, never one word "missed" for both. */
function sessionOutcomes(
  party: Party,
  kinds: readonly SessionKind[],
  facts: ExpectationFacts,
  judged: SessionJudgements,
): SessionOutcomes | null {
  let notHeld = 0;
  let didNotAttend = 0;
  for (const s of facts.sessions) {
    if (!kinds.includes(s.kind)) continue;
    if (s.status === 'completed') {
      const who = party === 'pcn' ? s.pcnSupervisorAttendance : s.attendance;
      if (who === 'absent' || who === 'apologies') didNotAttend++;
    } else if (s.status === 'missed' || s.status === 'planned') {
      // A month that ended while the CCC was paused: nobody could book it, so it is nobody's "not held".
      if (judged.monthEndedInPause(s.month)) continue;
      if (judged.status(s) === 'not_held') notHeld++;
    }
  }
  return notHeld || didNotAttend ? { notHeld, didNotAttend } : null;
}

/**
 * Whether an expectation concerns a CCC on this track: the template's `tracks`, or, for versions without it, every
 * track but those whose plan never holds the sessions a session measure counts.
 */
export function expectationApplies(template: ProgrammeTemplate, track: Track, expectation: Expectation): boolean {
  if (expectation.tracks) return expectation.tracks.includes(track);
  const { measure } = expectation;
  if (measure.type !== 'session_count' && measure.type !== 'attendance') return true;
  return plannedSessionCount(template, track, measure.kinds) > 0;
}

const KIND_WORDS: Record<SessionKind, [string, string]> = {
  individual: ['individual session', 'individual sessions'],
  group: ['group session', 'group sessions'],
  joint: ['joint session', 'joint sessions'],
  tna: ['TNA', 'TNAs'],
  conference: ['conference', 'conferences'],
  handover: ['handover interview', 'handover interviews'],
  teaching: ['group teaching session', 'group teaching sessions'],
};
const PARTY_WORDS: Record<Party, string> = { ccc: 'CCC', pcn: 'PCN', alliance: 'Alliance' };

/** `compute` worked out once per template and track: a report evaluates thousands of CCCs against a few templates. */
function oncePerTemplateAndTrack<T>(
  compute: (template: ProgrammeTemplate, track: Track) => T,
): (template: ProgrammeTemplate, track: Track) => T {
  const memo = new WeakMap<ProgrammeTemplate, Map<Track, T>>();
  return (template, track) => {
    let byTrack = memo.get(template);
    if (!byTrack) memo.set(template, (byTrack = new Map()));
    let value = byTrack.get(track);
    if (value === undefined) byTrack.set(track, (value = compute(template, track)));
    return value;
  };
}

/**
 * The kinds of a track's planned sessions, and how many of them each measure's kinds count (a measure's `kinds` is
 * the template's own array, so it keys its count).
 */
const plannedKinds = oncePerTemplateAndTrack((template, track) => ({
  kinds: plannedSessions(template, track).map((s) => s.kind),
  counts: new WeakMap<readonly SessionKind[], number>(),
}));

/** How many sessions of these kinds the template plans for one CCC on this track (group teaching included). */
export function plannedSessionCount(template: ProgrammeTemplate, track: Track, kinds: readonly SessionKind[]): number {
  const planned = plannedKinds(template, track);
  let count = planned.counts.get(kinds);
  if (count === undefined) {
    count = planned.kinds.filter((kind) => kinds.includes(kind)).length;
    planned.counts.set(kinds, count);
  }
  return count;
}

/** "The plan holds 5 group sessions but the Alliance expects 6 (“…”)." — the template's warning, in one place. */
export function planCountWarning(expectation: Expectation, planned: number, target: number): string {
  const kinds = expectation.measure.type === 'session_count' ? expectation.measure.kinds : [];
  const label = kinds.map((kind) => KIND_WORDS[kind][planned === 1 ? 0 : 1]).join(' or ');
  return `The plan holds ${planned} ${label} but the ${PARTY_WORDS[expectation.party]} expects ${target} (\u201c${expectation.title}\u201d).`;
}

/** Below this share of held sessions attended, attendance is at risk. */
const ATTENDANCE_ON_TRACK = 0.8;

const live = (s: SessionFact) => s.status !== 'cancelled';
const STILL_POSSIBLE = new Set<DisplayStatus>(['planned', 'scheduled', 'overdue', 'awaiting_pcn', 'awaiting_alliance']);

function sessionCount(
  expectation: Expectation,
  kinds: SessionKind[],
  target: number,
  facts: ExpectationFacts,
  ended: boolean,
  judged: SessionJudgements,
  planned: number,
): Judgement {
  const ofKind = facts.sessions.filter((s) => kinds.includes(s.kind) && live(s));
  // The PCN's count is of sessions the PCN supervisor attended; the Alliance's of sessions held.
  const done =
    expectation.party === 'pcn'
      ? ofKind.filter((s) => s.status === 'completed' && s.pcnSupervisorAttendance === 'present').length
      : ofKind.filter((s) => s.status === 'completed').length;
  // An overdue session was booked and may well have been held: it can still be recorded.
  const stillPossible = ofKind.filter((s) => STILL_POSSIBLE.has(judged.status(s))).length;
  const evidence = `${done} of ${target} held${stillPossible ? `; ${stillPossible} more planned or booked` : ''}`;
  const progress = { done, target };
  if (done >= target) return { state: 'met', evidence, progress };
  if (planned < target) {
    // The plan cannot reach the target: judged against what it plans; held or on course, the shortfall is the
    // template's, and no party is to blame for it.
    const warning = planCountWarning(expectation, planned, target);
    const ofPlan = `${evidence} (the plan holds ${planned})`;
    if (done >= planned) return { state: 'not_in_plan', evidence: ofPlan, progress, warning };
    if (ended) return { state: 'missed', evidence: ofPlan, progress, warning };
    return { state: done + stillPossible >= planned ? 'not_in_plan' : 'at_risk', evidence: ofPlan, progress, warning };
  }
  if (ended) return { state: 'missed', evidence, progress };
  return { state: done + stillPossible >= target ? 'on_track' : 'at_risk', evidence, progress };
}

function attendance(kinds: SessionKind[], facts: ExpectationFacts, ended: boolean): Judgement {
  const held = facts.sessions.filter((s) => kinds.includes(s.kind) && s.status === 'completed');
  const present = held.filter((s) => s.attendance === 'present').length;
  const evidence = held.length ? `attended ${present} of ${held.length} held` : 'none held yet';
  const progress = { done: present, target: held.length };
  if (held.length === 0) return { state: ended ? 'missed' : 'on_track', evidence, progress };
  const share = present / held.length;
  if (ended) return { state: share >= ATTENDANCE_ON_TRACK ? 'met' : 'missed', evidence, progress };
  return { state: share >= ATTENDANCE_ON_TRACK ? 'on_track' : 'at_risk', evidence, progress };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The competency framework: the CCC works towards every competency (each started, by the end); the Alliance
 * completes it with them (each signed off by the end). Judged on the framework the cohort is pinned to; in the
 * programme's last month, what is still to do is at risk.
 */
function competencyProgress(party: Party, c: CompetencyFacts, ended: boolean, lastMonth: boolean): Judgement {
  const waiting = c.submitted
    ? `; ${plural(c.submitted, 'competency', 'competencies')} with evidence awaiting review`
    : '';
  if (c.total === 0)
    return { state: 'not_applicable', evidence: 'the cohort\u2019s framework has no competencies', progress: null };
  if (party === 'ccc') {
    const done = Math.min(c.started, c.total);
    const evidence = `working on ${done} of ${plural(c.total, 'competency', 'competencies')} (${c.signedOff} signed off${waiting})`;
    const progress = { done, target: c.total };
    if (done >= c.total) return { state: 'met', evidence, progress };
    if (ended) return { state: 'missed', evidence, progress };
    return { state: lastMonth || done === 0 ? 'at_risk' : 'on_track', evidence, progress };
  }
  const done = Math.min(c.signedOff, c.total);
  const evidence = `${done} of ${plural(c.total, 'competency', 'competencies')} signed off${waiting}`;
  const progress = { done, target: c.total };
  if (done >= c.total) return { state: 'met', evidence, progress };
  if (ended) return { state: 'missed', evidence, progress };
  return { state: lastMonth ? 'at_risk' : 'on_track', evidence, progress };
}

const firstTnaMonths = oncePerTemplateAndTrack((template, track) => {
  const months = plannedSessions(template, track)
    .filter((s) => s.kind === 'tna')
    .map((s) => s.month);
  return months.length ? Math.min(...months) : 1;
});

/** The month of the track's first training needs analysis (where the training plan is agreed); else month 1. */
export function firstTnaMonth(template: ProgrammeTemplate, track: Track): number {
  return firstTnaMonths(template, track);
}

/**
 * The training plan: the CCC completes each item (an item whose month has ended undone is at risk; every item
 * done by the end is met); the Alliance makes training available (a plan with items, agreed by the end of the
 * month of the first TNA).
 */
function trainingProgress(
  party: Party,
  items: readonly TrainingFact[],
  ended: boolean,
  today: IsoDate,
  monthEndsBefore: (month: number) => IsoDate,
  { planDueBy }: { planDueBy: IsoDate },
): Judgement {
  const done = items.filter((i) => i.completedOn).length;
  const noPlan = items.length === 0;
  if (party === 'alliance') {
    const evidence = noPlan
      ? today >= planDueBy
        ? `no training plan items since the training needs analysis (due by ${planDueBy})`
        : `the training plan is agreed at the training needs analysis (by ${planDueBy})`
      : `${plural(items.length, 'training plan item')} available to the CCC, ${done} done`;
    if (!noPlan) return { state: 'met', evidence, progress: null };
    return { state: ended ? 'missed' : today >= planDueBy ? 'at_risk' : 'on_track', evidence, progress: null };
  }
  const progress = { done, target: items.length };
  if (noPlan) {
    const state: ExpectationState = ended ? 'missed' : today >= planDueBy ? 'at_risk' : 'on_track';
    return { state, evidence: 'no training in the plan yet', progress };
  }
  const overdue = items.filter((i) => !i.completedOn && today >= monthEndsBefore(i.targetMonth)).length;
  const evidence =
    `${done} of ${plural(items.length, 'training plan item')} done` + (overdue ? `; ${overdue} past its month` : '');
  if (done >= items.length) return { state: 'met', evidence, progress };
  if (ended) return { state: 'missed', evidence, progress };
  return { state: overdue ? 'at_risk' : 'on_track', evidence, progress };
}

/**
 * Evaluates every expectation of the template for one enrolment on `today` (London). Met and missed are
 * final; on track and at risk look ahead at what is still planned.
 */
export function evaluateExpectations(
  template: ProgrammeTemplate,
  facts: ExpectationFacts,
  now: Date,
  today: IsoDate,
): ExpectationResult[] {
  const endsBefore = programmeEndsBefore(facts.cohortStart, template.durationMonths);
  const ended = today >= endsBefore;
  const lastMonthStarts = monthBounds(facts.cohortStart, template.durationMonths).startsOn;
  const rules = releaseRules(template);
  // Each month's end once per enrolment, not once per session.
  const monthEnds = new Map<number, IsoDate>();
  const monthEndsBefore = (month: number) => {
    let endsOn = monthEnds.get(month);
    if (endsOn === undefined) monthEnds.set(month, (endsOn = monthBounds(facts.cohortStart, month).endsBefore));
    return endsOn;
  };
  const sessionStatus = sessionJudgements(facts, now, monthEndsBefore);
  const track = facts.track;
  return template.expectations.map((expectation) => {
    const { key, party, measure } = expectation;
    const judged = (state: ExpectationState, evidence: string, progress: Judgement['progress']) =>
      resultOf(expectation, { state, evidence, progress });
    if (track && !expectationApplies(template, track, expectation))
      return judged('not_applicable', `not expected on the ${track} track`, null);
    switch (measure.type) {
      case 'session_count': {
        const planned = plannedSessionCount(template, track ?? 'supervision', measure.kinds);
        return resultOf(
          expectation,
          sessionCount(expectation, measure.kinds, measure.target, facts, ended, sessionStatus, planned),
          sessionOutcomes(party, measure.kinds, facts, sessionStatus),
        );
      }
      case 'attendance':
        return resultOf(
          expectation,
          attendance(measure.kinds, facts, ended),
          sessionOutcomes(party, measure.kinds, facts, sessionStatus),
        );
      case 'weekly_release': {
        // Complete weeks of the programme so far: the current week is still being filled in.
        // Up to and including today, less today's week: on a Monday the week that ended yesterday is complete.
        // Weeks the CCC was paused in are nobody's to fill: left out of the count.
        const paused = facts.pauses?.length ? pausedWeeks(facts.pauses, today) : null;
        const programmeWeeks = isoWeeksBetween(facts.cohortStart, ended ? endsBefore : addCalendarDays(today, 1)).slice(
          0,
          ended ? undefined : -1,
        );
        const weeks = paused ? programmeWeeks.filter((w) => !paused.has(w)) : programmeWeeks;
        const pausedNote =
          weeks.length < programmeWeeks.length
            ? `; ${programmeWeeks.length - weeks.length} paused week${programmeWeeks.length - weeks.length === 1 ? '' : 's'} not counted`
            : '';
        const checked = rules ? studyWeeks(facts.release, weeks, rules) : [];
        const within = checked.filter((w) => w.state !== 'below').length;
        // Study time the PCN declined is their decision: said, week by week.
        const declinedWeeks = checked.filter((w) => w.declinedMinutes > 0).length;
        const evidence = weeks.length
          ? `${within} of ${weeks.length} complete weeks had at least ${measure.minHours} hour${measure.minHours === 1 ? '' : 's'} of confirmed study time` +
            (declinedWeeks
              ? `; the PCN declined study time in ${declinedWeeks} week${declinedWeeks === 1 ? '' : 's'}`
              : '') +
            pausedNote
          : `no complete week yet${pausedNote}`;
        const progress = { done: within, target: weeks.length };
        const recentBelow = checked.slice(-2).some((w) => w.state === 'below');
        if (ended) return judged(within >= weeks.length * ATTENDANCE_ON_TRACK ? 'met' : 'missed', evidence, progress);
        return judged(weeks.length && recentBelow ? 'at_risk' : 'on_track', evidence, progress);
      }
      case 'total_release': {
        // A ceiling the PCN agrees to, not a target: going past it with a reason is their decision, never a miss.
        const cap = Math.round(measure.maxDays * measure.hoursPerDay * 60);
        const standing = capStanding(facts.release, { totalReleaseMinutes: cap });
        const used = standing.usedMinutes;
        const declined = standing.declinedCount
          ? `; ${standing.declinedCount} request${standing.declinedCount === 1 ? '' : 's'} declined by the PCN`
          : '';
        const evidence = `${hours(used)} of ${hours(cap)} hours of release confirmed${declined}`;
        const progress = { done: used, target: cap };
        if (standing.over && !standing.overWithReason)
          return judged(
            'at_risk',
            `${evidence}: over the agreed ${measure.maxDays} days with no reason recorded`,
            progress,
          );
        if (standing.over)
          return judged(
            ended ? 'met' : 'on_track',
            `${evidence}: over the agreed ${measure.maxDays} days, with the PCN\u2019s reason`,
            progress,
          );
        return judged(ended ? 'met' : 'on_track', evidence, progress);
      }
      case 'attestation': {
        const attested = facts.attestations.find((a) => a.expectationKey === key);
        if (attested) return judged('met', `confirmed by ${attested.attestedBy} on ${attested.attestedOn}`, null);
        return judged(ended ? 'missed' : today >= lastMonthStarts ? 'at_risk' : 'on_track', 'not confirmed yet', null);
      }
      case 'survey': {
        if (facts.surveySubmittedOn === undefined) break;
        if (facts.surveySubmittedOn) return judged('met', `submitted on ${facts.surveySubmittedOn}`, null);
        // It opens in the last month and stays open after the end: due, never missed.
        const due = today >= lastMonthStarts;
        return judged(due ? 'at_risk' : 'on_track', due ? 'not submitted yet' : `opens on ${lastMonthStarts}`, null);
      }
      case 'duties': {
        if (!facts.duties || party === 'ccc') break;
        const { due, confirmed, later } = dutyStanding(
          dutiesOf(template, party),
          facts.duties.attested,
          facts.duties.dates,
          endsBefore,
        );
        const laterWords = later.length
          ? `; later: ${later.map((l) => `${l.duty.title.toLowerCase()} (${l.confirmed ? 'confirmed' : `from ${l.from}`})`).join(', ')}`
          : '';
        const evidence = `${confirmed.length} of ${plural(due.length, 'duty', 'duties')} confirmed${laterWords}`;
        const progress = { done: confirmed.length, target: due.length };
        if (confirmed.length >= due.length) return judged('met', evidence, progress);
        return judged(ended ? 'missed' : today >= lastMonthStarts ? 'at_risk' : 'on_track', evidence, progress);
      }
      case 'competencies':
        if (!facts.competencies) break;
        return resultOf(expectation, competencyProgress(party, facts.competencies, ended, today >= lastMonthStarts));
      case 'training':
        if (!facts.training) break;
        return resultOf(
          expectation,
          trainingProgress(party, facts.training, ended, today, (month) => monthEndsBefore(month), {
            planDueBy: monthEndsBefore(firstTnaMonth(template, track ?? 'supervision')),
          }),
        );
    }
    return judged('not_measured', `the service does not record ${measure.type} yet`, null);
  });
}
