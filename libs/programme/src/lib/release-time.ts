import { addCalendarDays, isoWeekOf, isoWeeksBetween, type IsoDate, programmeEndsBefore } from './months';
import type { ExpectationMeasure, ProgrammeTemplate, SessionKind } from './template';

/*
 * Release time: what the PCN gives the CCC. Two allowances from the template (never from code):
 *  - protected study time, a range of hours per ISO week (the seed: 1–2 hours);
 *  - release for supervisions and training, a cap over the programme (the seed: up to 5 days of 7.5 hours).
 * Minutes are whole numbers throughout so that 37.5 hours is exactly 2,250 minutes.
 */

export const RELEASE_KINDS = ['study', 'session', 'training'] as const;
/** `study`: protected study time the CCC logs; `session` and `training`: release that counts towards the cap. */
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/**
 * The release a session's attendees are given: the monthly group teaching and the conference are training; every
 * supervision (individual, group, joint, TNA, handover) is a session. Both count towards the cap.
 */
export function releaseKindOfSession(kind: SessionKind): Exclude<ReleaseKind, 'study'> {
  return kind === 'teaching' || kind === 'conference' ? 'training' : 'session';
}

export const RELEASE_STATUSES = ['pending', 'confirmed', 'declined', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export interface ReleaseEntry {
  kind: ReleaseKind;
  /** London date the time is taken on. */
  date: IsoDate;
  minutes: number;
  status: ReleaseStatus;
  /** Why it was confirmed past the agreed cap (absent where not known). */
  overrideReason?: string | null;
}

export interface ReleaseRules {
  weeklyStudyMinutes: { min: number; max: number };
  /** Cap on session and training release over the programme, in minutes. */
  totalReleaseMinutes: number;
  hoursPerDay: number;
}

/** The release allowances of a template, from its PCN expectations; null where the template sets none. */
export function releaseRules(template: Pick<ProgrammeTemplate, 'expectations'>): ReleaseRules | null {
  const weekly = template.expectations.find((e) => e.measure.type === 'weekly_release')?.measure as
    Extract<ExpectationMeasure, { type: 'weekly_release' }> | undefined;
  const total = template.expectations.find((e) => e.measure.type === 'total_release')?.measure as
    Extract<ExpectationMeasure, { type: 'total_release' }> | undefined;
  if (!weekly && !total) return null;
  return {
    weeklyStudyMinutes: {
      min: Math.round((weekly?.minHours ?? 0) * 60),
      max: Math.round((weekly?.maxHours ?? 168) * 60),
    },
    totalReleaseMinutes: total ? Math.round(total.maxDays * total.hoursPerDay * 60) : Number.POSITIVE_INFINITY,
    hoursPerDay: total?.hoursPerDay ?? 7.5,
  };
}

export const countsTowardsCap = (kind: ReleaseKind) => kind !== 'study';

/**
 * The same entry: the same object, or, where entries carry an `id` (rows from the database), the same id, so that
 * a moved copy (`{ ...entry, minutes: 90 }`) is recognised as the entry it replaces.
 */
function sameEntry(a: ReleaseEntry, b: ReleaseEntry | undefined): boolean {
  if (b === undefined) return false;
  if (a === b) return true;
  const idOf = (e: ReleaseEntry): unknown => (e as { id?: unknown }).id;
  return idOf(a) !== undefined && idOf(a) !== null && idOf(a) === idOf(b);
}

/** Confirmed session and training release, in minutes; `excluding` leaves out one entry (a session being moved). */
export function confirmedReleaseMinutes<T extends ReleaseEntry>(entries: readonly T[], excluding?: T): number {
  return entries
    .filter((e) => !sameEntry(e, excluding) && e.status === 'confirmed' && countsTowardsCap(e.kind))
    .reduce((sum, e) => sum + e.minutes, 0);
}

export type CapCheck =
  { withinCap: true; afterMinutes: number } | { withinCap: false; afterMinutes: number; reason: string };

/** Would confirming `entry` take session and training release past the cap? */
export function checkCap<T extends ReleaseEntry>(entries: readonly T[], entry: T, rules: ReleaseRules): CapCheck {
  if (!countsTowardsCap(entry.kind)) return { withinCap: true, afterMinutes: confirmedReleaseMinutes(entries) };
  const afterMinutes = confirmedReleaseMinutes(entries, entry) + entry.minutes;
  if (afterMinutes <= rules.totalReleaseMinutes) return { withinCap: true, afterMinutes };
  return {
    withinCap: false,
    afterMinutes,
    reason:
      `Confirming this would take release for supervisions and training to ${hours(afterMinutes)} hours, ` +
      `past the ${hours(rules.totalReleaseMinutes)} hours (${Math.round((rules.totalReleaseMinutes / 60 / rules.hoursPerDay) * 100) / 100} days) agreed; ` +
      'give a reason to go over',
  };
}

export function hours(minutes: number): string {
  return (Math.round((minutes / 60) * 100) / 100).toString();
}

export type WeekState = 'below' | 'within' | 'above';

export interface StudyWeek {
  /** ISO week in Europe/London, e.g. 2026-W48 */
  week: string;
  confirmedMinutes: number;
  pendingMinutes: number;
  /** Study time the PCN declined that week: the PCN's decision, shown as such. */
  declinedMinutes: number;
  state: WeekState;
}

/**
 * Protected study time per ISO week for the given weeks (oldest first), from confirmed entries: below the
 * weekly range, within it, or above it. Pending minutes are shown but do not count until confirmed.
 */
export function studyWeeks(
  entries: readonly ReleaseEntry[],
  weeks: readonly string[],
  rules: ReleaseRules,
): StudyWeek[] {
  // One pass over the entries, each one's week worked out once; then one look-up per week.
  const byWeek = new Map<string, { confirmed: number; pending: number; declined: number }>();
  if (weeks.length > 0)
    for (const e of entries) {
      if (e.kind !== 'study' || e.status === 'withdrawn') continue;
      const week = isoWeekOf(e.date);
      const sums = byWeek.get(week) ?? { confirmed: 0, pending: 0, declined: 0 };
      sums[e.status] += e.minutes;
      byWeek.set(week, sums);
    }
  const { min, max } = rules.weeklyStudyMinutes;
  return weeks.map((week) => {
    const confirmedMinutes = byWeek.get(week)?.confirmed ?? 0;
    const pendingMinutes = byWeek.get(week)?.pending ?? 0;
    const declinedMinutes = byWeek.get(week)?.declined ?? 0;
    const state: WeekState = confirmedMinutes < min ? 'below' : confirmedMinutes > max ? 'above' : 'within';
    return { week, confirmedMinutes, pendingMinutes, declinedMinutes, state };
  });
}

/**
 * The weeks a study-time chart judges: the last `count` ISO weeks of the programme up to today (the current week
 * included), never a week before the cohort starts or after it ends.
 */
export function programmeChartWeeks(
  cohortStart: IsoDate,
  durationMonths: number,
  today: IsoDate,
  count: number,
): string[] {
  const endsBefore = programmeEndsBefore(cohortStart, durationMonths);
  const tomorrow = addCalendarDays(today, 1);
  const weeks = isoWeeksBetween(cohortStart, tomorrow < endsBefore ? tomorrow : endsBefore);
  return weeks.slice(Math.max(0, weeks.length - count));
}

export interface CapStanding {
  usedMinutes: number;
  capMinutes: number;
  over: boolean;
  /** Over the cap with the PCN's reason recorded when confirming past it: agreed, not a failure. */
  overWithReason: boolean;
  /** Requests for sessions and training the PCN declined: their decisions, counted and shown. */
  declinedCount: number;
}

/**
 * Where the PCN stands against the cap on release for supervisions and training. The cap is a ceiling the PCN
 * agrees to: going past it with a reason is their call. The API asks for the reason on the confirmation that goes
 * past the cap and on every one after it, so one reason among the confirmed entries marks the overrun agreed.
 */
export function capStanding(
  entries: readonly ReleaseEntry[],
  rules: Pick<ReleaseRules, 'totalReleaseMinutes'>,
): CapStanding {
  const usedMinutes = confirmedReleaseMinutes(entries);
  const over = usedMinutes > rules.totalReleaseMinutes;
  const counted = entries.filter((e) => countsTowardsCap(e.kind));
  return {
    usedMinutes,
    capMinutes: rules.totalReleaseMinutes,
    over,
    overWithReason: over && counted.some((e) => e.status === 'confirmed' && !!e.overrideReason?.trim()),
    declinedCount: counted.filter((e) => e.status === 'declined').length,
  };
}
