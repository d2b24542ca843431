import { addCalendarDays, addCalendarMonths, type IsoDate, isoWeeksBetween, monthBounds } from './months';

/*
 * Pausing and resuming one CCC's enrolment (#16 item 4): how long a pause is in plan months, which of their
 * sessions move when the administrator shifts the plan, and which weeks no expectation counts.
 */

/** One pause of an enrolment: from a date, until the date the CCC is back (null while still paused). */
export interface EnrolmentPause {
  from: IsoDate;
  /** The first day back; null while paused. */
  until: IsoDate | null;
  reason: string;
  /** How many months the plan after the pause was moved on resuming (0: not shifted, or still paused). */
  shiftedMonths: number;
}

/** The pause still running, if any: the enrolment is "paused". */
export function openPause(pauses: readonly EnrolmentPause[]): EnrolmentPause | null {
  return pauses.find((p) => p.until === null) ?? null;
}

/**
 * The paused length in whole plan months, rounded up: the fewest months n with `from` + n months on or after the
 * day back. A pause of 10 days moves the plan a month (the plan is in months); one of exactly a month moves it one.
 */
export function pausedMonths(from: IsoDate, until: IsoDate): number {
  if (until <= from) return 0;
  let n = 0;
  while (addCalendarMonths(from, n) < until) n++;
  return n;
}

export interface PlanSessionFact {
  id: string;
  title: string;
  month: number;
  status: string;
  startsAt: Date | null;
  /** A cohort meeting (group supervision, teaching, the conference): on the cohort's calendar, never moved. */
  sharedByCohort: boolean;
}

export interface SessionMove {
  id: string;
  title: string;
  moves: boolean;
  /** Why it moves or stays, in words for the preview. */
  why: string;
  from: { month: number; startsOn: IsoDate; endsBefore: IsoDate };
  to: { month: number; startsOn: IsoDate; endsBefore: IsoDate };
}

export interface ResumePreview {
  pausedFrom: IsoDate;
  resumedFrom: IsoDate;
  shift: boolean;
  /** Months the plan moves (0 when not shifted). */
  shiftMonths: number;
  sessions: SessionMove[];
}

/**
 * What resuming changes: with `shift`, each of the CCC's own sessions still planned and unbooked whose month had
 * not ended when the pause began moves on by the paused length in months; booked or held sessions, cohort meetings
 * and months over before the pause stay. Without `shift` nothing moves (listed all the same, so the administrator
 * sees what stays in the months they missed).
 */
export function resumePreview(input: {
  cohortStart: IsoDate;
  pausedFrom: IsoDate;
  resumedFrom: IsoDate;
  shift: boolean;
  sessions: readonly PlanSessionFact[];
}): ResumePreview {
  const { cohortStart, pausedFrom, resumedFrom, shift } = input;
  const shiftMonths = shift ? pausedMonths(pausedFrom, resumedFrom) : 0;
  const sessions = [...input.sessions]
    .sort((a, b) => a.month - b.month || a.title.localeCompare(b.title))
    .map((s): SessionMove => {
      const from = monthBounds(cohortStart, s.month);
      let why: string;
      if (s.sharedByCohort) why = "a cohort meeting: it stays on the cohort's calendar";
      else if (s.status !== 'planned' || s.startsAt) why = 'booked or held: it keeps its date';
      else if (from.endsBefore <= pausedFrom) why = 'its month ended before the pause';
      else if (!shift) why = 'the plan is not shifted';
      else if (shiftMonths === 0) why = 'the pause is shorter than a day';
      else why = `moves on ${shiftMonths} month${shiftMonths === 1 ? '' : 's'} with the plan`;
      const moves = why.startsWith('moves');
      const to = moves ? monthBounds(cohortStart, s.month + shiftMonths) : from;
      return { id: s.id, title: s.title, moves, why, from, to };
    });
  return { pausedFrom, resumedFrom, shift, shiftMonths, sessions };
}

/**
 * The ISO weeks any pause touches, up to `today` for a pause still running: no expectation counts these weeks
 * against the CCC or the PCN (a partly paused week counts as paused: nobody is asked for study time in it).
 */
export function pausedWeeks(pauses: readonly EnrolmentPause[] | undefined, today: IsoDate): Set<string> {
  const weeks = new Set<string>();
  for (const p of pauses ?? []) {
    const until = p.until ?? addCalendarDays(today, 1);
    for (const w of isoWeeksBetween(p.from, until)) weeks.add(w);
  }
  return weeks;
}

/** Whether a date falls in a pause ([from, until), a running pause has no end). */
export function isPausedOn(pauses: readonly EnrolmentPause[] | undefined, date: IsoDate): boolean {
  return (pauses ?? []).some((p) => p.from <= date && (p.until === null || date < p.until));
}
