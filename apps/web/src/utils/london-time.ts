/**
 * Wall-clock times in Europe/London and the instants they stand for. People book "14:00 on 24 Dec" in London; the
 * API wants an ISO instant. London is on GMT (UTC+0) in winter and BST (UTC+1) in summer, so a local time is one of
 * two instants: the one whose London wall clock reads back the same is the right one.
 */
import { MONTH_NAMES, TIME_ZONE } from './format';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_ONLY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The London date and time of an instant: { date: "2026-12-24", time: "14:00" }. */
export function londonDateTime(instant: Date | string): { date: string; time: string } {
  const value = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(value.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const parts: Record<string, string> = {};
  for (const part of wallClock.formatToParts(value)) parts[part.type] = part.value;
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    time: `${parts['hour']}:${parts['minute']}`,
  };
}

/** Whether a YYYY-MM-DD string is a real calendar date (no 31 June). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isClockTime(value: string): boolean {
  return TIME_ONLY.test(value);
}

/**
 * The ISO instant of a London date and 24-hour time, e.g. ("2026-07-01", "10:00") -> "2026-07-01T09:00:00.000Z".
 * Null when the input is not a date and time, or when the time does not exist that day (the clocks went forward
 * over it). When the clocks go back the hour happens twice; the first one (still BST) is taken.
 */
export function londonInstant(date: string, time: string): string | null {
  if (!isCalendarDate(date) || !isClockTime(time)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(y, m - 1, d, h, min);
  // BST first, so the earlier of two readings wins.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asIfUtc - offsetHours * HOUR_MS);
    const back = londonDateTime(candidate);
    if (back.date === date && back.time === time) return candidate.toISOString();
  }
  return null;
}

/** A calendar date plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week (Monday to Sunday) holding a calendar date. */
export function mondayOf(date: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(date, weekday === 0 ? -6 : 1 - weekday);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** "2026-11-23" -> "Monday 23 November". */
export function formatDayHeading(date: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${MONTH_NAMES[m - 1]}`;
}

/** The London time of an instant, "14:00". */
export function formatTime(instant: string): string {
  return londonDateTime(instant).time;
}

/** The London time an instant plus some minutes ends, "14:45". */
export function formatEndTime(instant: string, minutes: number): string {
  return londonDateTime(new Date(new Date(instant).getTime() + minutes * 60_000)).time;
}
