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
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/*
 * Day numbers by the proleptic Gregorian calendar in whole numbers (H. Hinnant's days_from_civil and
 * civil_from_days), the calendar Date uses: no Date, regular expression or string is made per date, and the rules
 * read thousands of dates a report (issue #17).
 */
const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number as one integer, yyyymmdd (a number, not three: nothing to allocate). */
function civilOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yearOfEra + era * 400 + (m <= 2 ? 1 : 0)) * 10_000 + m * 100 + d;
}

/** `count` ASCII digits from `at` as a number, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * A calendar date as a whole number of days since 1970-01-01: days and weeks are then counted with integers, in
 * no time zone and without formatting. Throws a RangeError for anything but a real `YYYY-MM-DD` date (years
 * before 100 included: Date reads those as 19xx, and the rules never meet them).
 */
export function dayNumber(date: IsoDate): number {
  const text = typeof date === 'string' ? date : String(date);
  const y = text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 ? digitsAt(text, 0, 4) : -1;
  const m = y < 0 ? -1 : digitsAt(text, 5, 2);
  const d = m < 0 ? -1 : digitsAt(text, 8, 2);
  if (d < 0) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
    throw new RangeError(`Not a calendar date: ${text}`);
  return daysFromCivil(y, m, d);
}

/** The calendar date of a day number (dayNumber's inverse). */
export function dateOfDayNumber(day: number): IsoDate {
  const civil = civilOfDay(day);
  const year = Math.floor(civil / 10_000);
  if (year < 0 || year > 9999) {
    const value = new Date(day * DAY_MS);
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
  }
  return `${pad(year, 4)}-${pad2(Math.floor(civil / 100) % 100)}-${pad2(civil % 100)}`;
}

/** 0 for Monday … 6 for Sunday (1 January 1970, day 0, was a Thursday). */
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

/** ISO weeks by day number (bounded, then started again): release entries of a cohort fall on the same days. */
const isoWeeksOfDays = new Map<number, string>();
const ISO_WEEKS_OF_DAYS_SIZE = 100_000;

/** The ISO week of a day number: the week belongs to the year its Thursday falls in. */
function isoWeekOfDay(day: number): string {
  let week = isoWeeksOfDays.get(day);
  if (week === undefined) {
    const thursday = day - weekdayOf(day) + 3;
    const year = Math.floor(civilOfDay(thursday) / 10_000);
    const number = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
    week = `${year}-W${pad2(number)}`;
    if (isoWeeksOfDays.size >= ISO_WEEKS_OF_DAYS_SIZE) isoWeeksOfDays.clear();
    isoWeeksOfDays.set(day, week);
  }
  return week;
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
  const byDateFns = () => format(addMonths(toCalendar(date), months), 'yyyy-MM-dd');
  if (!Number.isInteger(months)) return byDateFns();
  // In whole numbers (this runs for every session the rules read): the day, kept, or the month's last.
  const civil = civilOfDay(dayNumber(date));
  const monthIndex = (Math.floor(civil / 100) % 100) - 1 + months;
  const year = Math.floor(civil / 10_000) + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  if (year < 100 || year > 9999) return byDateFns();
  return `${pad(year, 4)}-${pad2(month)}-${pad2(Math.min(civil % 100, daysInMonth(year, month)))}`;
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
