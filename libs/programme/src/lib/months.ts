import { addDays, addMonths, format, isValid } from 'date-fns';

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
  // Compared by parts, not by formatting it back: this runs for every date the rules read.
  if (
    !isValid(value) ||
    value.getFullYear() !== Number(y) ||
    value.getMonth() !== Number(m) - 1 ||
    value.getDate() !== Number(d)
  )
    throw new RangeError(`Not a calendar date: ${date}`);
  return value;
}

const DAY_MS = 86_400_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A calendar date as a whole number of days since 1970-01-01: days and weeks are then counted with integers, in
 * no time zone and without formatting. Throws a RangeError for anything but a real `YYYY-MM-DD` date.
 */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(Date.UTC(y, m - 1, d));
  if (value.getUTCFullYear() !== y || value.getUTCMonth() !== m - 1 || value.getUTCDate() !== d)
    throw new RangeError(`Not a calendar date: ${date}`);
  return value.getTime() / DAY_MS;
}

/** The calendar date of a day number (dayNumber's inverse). */
export function dateOfDayNumber(day: number): IsoDate {
  const value = new Date(day * DAY_MS);
  return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
}

/** 0 for Monday … 6 for Sunday (1 January 1970, day 0, was a Thursday). */
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The ISO week of a day number: the week belongs to the year its Thursday falls in. */
function isoWeekOfDay(day: number): string {
  const thursday = day - weekdayOf(day) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${pad(week, 2)}`;
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
  if (!Number.isInteger(months)) return format(addMonths(toCalendar(date), months), 'yyyy-MM-dd');
  // In whole numbers (this runs for every session the rules read): the day, kept, or the month's last.
  const start = new Date(dayNumber(date) * DAY_MS);
  const monthIndex = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dateOfDayNumber(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)) / DAY_MS);
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

const HOUR_MS = 3_600_000;
/** Day, month and year of an instant in the programme's zone: the platform's time-zone data, formatter made once. */
const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: PROGRAMME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** London dates by UTC hour (bounded, then started again). */
const londonDays = new Map<number, IsoDate>();
const LONDON_DAYS_SIZE = 100_000;

/**
 * The calendar date of an instant in Europe/London (a session at 00:30 BST on 1 May is on 1 May). London is a whole
 * number of hours from UTC, so the date is the same all through a UTC hour and is kept per hour: reports and caseloads
 * read thousands of instants, and formatting each in its zone (tens of microseconds) was a visible share of their
 * time (issue #17).
 */
export function londonDate(instant: Date): IsoDate {
  const time = instant.getTime();
  if (!Number.isFinite(time)) throw new RangeError('Invalid time value');
  const hour = Math.floor(time / HOUR_MS);
  let date = londonDays.get(hour);
  if (date === undefined) {
    if (londonDays.size >= LONDON_DAYS_SIZE) londonDays.clear();
    let year = '';
    let month = '';
    let day = '';
    for (const part of LONDON_DAY.formatToParts(hour * HOUR_MS)) {
      if (part.type === 'year') year = part.value;
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    date = `${year.padStart(4, '0')}-${month}-${day}`;
    londonDays.set(hour, date);
  }
  return date;
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
  return isoWeekOfDay(dayNumber(date));
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) return format(addDays(toCalendar(date), days), 'yyyy-MM-dd');
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Weeks already counted, by range: every CCC of a cohort asks for the same ones. Bounded, then started again. */
const weeksMemo = new Map<string, readonly string[]>();
const WEEKS_MEMO_SIZE = 1024;

/**
 * The ISO weeks (e.g. `2026-W48`) that the days from `from` up to `toExclusive` fall in, in order: a step per
 * week from the Monday of the first, in day numbers.
 */
export function isoWeeksBetween(from: IsoDate, toExclusive: IsoDate): string[] {
  if (!(from < toExclusive)) return [];
  const key = `${from}/${toExclusive}`;
  let weeks = weeksMemo.get(key);
  if (!weeks) {
    const first = dayNumber(from);
    const end = dayNumber(toExclusive);
    const list: string[] = [];
    for (let monday = first - weekdayOf(first); monday < end; monday += 7) list.push(isoWeekOfDay(monday));
    if (weeksMemo.size >= WEEKS_MEMO_SIZE) weeksMemo.clear();
    weeksMemo.set(key, list);
    weeks = list;
  }
  return weeks.slice();
}

/** The `count` ISO weeks ending with the one `today` falls in, oldest first. */
export function lastIsoWeeks(today: IsoDate, count: number): string[] {
  return isoWeeksBetween(addCalendarDays(today, -7 * (count - 1)), addCalendarDays(today, 1)).slice(-count);
}
