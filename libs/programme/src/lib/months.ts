import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, getISOWeek, getISOWeekYear, isValid } from 'date-fns';

/** The programme runs on English calendar dates; instants are read in this zone. */
export const PROGRAMME_TIME_ZONE = 'Europe/London';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface MonthBounds {
  /** 1-based */
  month: number;
  startsOn: IsoDate;
  /** The first day after the month: months are half-open, [startsOn, endsBefore). */
  endsBefore: IsoDate;
}

export type MonthState = 'past' | 'current' | 'future';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Calendar dates are handled as local noon: date-fns then counts days and months in plain Dates (fast), and no
 * server time zone or daylight-saving change can move noon to another day.
 */
function toCalendar(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [, y, m, d] = match;
  const value = new Date(Number(y), Number(m) - 1, Number(d), 12);
  if (!isValid(value) || format(value, 'yyyy-MM-dd') !== date) throw new RangeError(`Not a calendar date: ${date}`);
  return value;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    toCalendar(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds calendar months the way people count them: 31 January + 1 month is the last day of February.
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  return format(addMonths(toCalendar(date), months), 'yyyy-MM-dd');
}

/**
 * Month k runs from start + (k-1) months to start + k months. Each bound is counted from the start, never from
 * the previous month, so a start on the 31st does not drift to the 28th for the rest of the programme.
 */
export function monthBounds(start: IsoDate, month: number): MonthBounds {
  if (!Number.isInteger(month) || month < 1) throw new RangeError(`Month must be a positive whole number: ${month}`);
  return { month, startsOn: addCalendarMonths(start, month - 1), endsBefore: addCalendarMonths(start, month) };
}

export function programmeMonths(start: IsoDate, durationMonths: number): MonthBounds[] {
  return Array.from({ length: durationMonths }, (_, i) => monthBounds(start, i + 1));
}

/** The first day after the programme. */
export function programmeEndsBefore(start: IsoDate, durationMonths: number): IsoDate {
  return addCalendarMonths(start, durationMonths);
}

/** Which month of the programme a date falls in, or null outside it. ISO dates compare as strings. */
export function monthOfDate(start: IsoDate, durationMonths: number, date: IsoDate): number | null {
  toCalendar(date);
  return programmeMonths(start, durationMonths).find((m) => m.startsOn <= date && date < m.endsBefore)?.month ?? null;
}

/** The calendar date of an instant in Europe/London (a session at 00:30 BST on 1 May is on 1 May). */
export function londonDate(instant: Date): IsoDate {
  return format(new TZDate(instant.getTime(), PROGRAMME_TIME_ZONE), 'yyyy-MM-dd');
}

export function monthOfInstant(start: IsoDate, durationMonths: number, instant: Date): number | null {
  return monthOfDate(start, durationMonths, londonDate(instant));
}

export function monthState(bounds: MonthBounds, today: IsoDate): MonthState {
  if (today < bounds.startsOn) return 'future';
  if (today >= bounds.endsBefore) return 'past';
  return 'current';
}

/** ISO week of a date in Europe/London, e.g. `2026-W09`; release time is counted per such week. */
export function isoWeekOf(date: IsoDate): string {
  const day = toCalendar(date);
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, '0')}`;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return format(addDays(toCalendar(date), days), 'yyyy-MM-dd');
}

/** The ISO weeks (e.g. `2026-W48`) that the days from `from` up to `toExclusive` fall in, in order. */
export function isoWeeksBetween(from: IsoDate, toExclusive: IsoDate): string[] {
  const weeks: string[] = [];
  for (let day = from; day < toExclusive; day = addCalendarDays(day, 1)) {
    const week = isoWeekOf(day);
    if (weeks.at(-1) !== week) weeks.push(week);
  }
  return weeks;
}

/** The `count` ISO weeks ending with the one `today` falls in, oldest first. */
export function lastIsoWeeks(today: IsoDate, count: number): string[] {
  return isoWeeksBetween(addCalendarDays(today, -7 * (count - 1)), addCalendarDays(today, 1)).slice(-count);
}
