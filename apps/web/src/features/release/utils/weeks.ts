import { hours } from '@ccc/programme';
import type { StudyWeek } from '@ccc/programme';
import { MONTH_NAMES } from '../../../utils/format';

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Monday and Sunday of an ISO week, as YYYY-MM-DD: "2026-W48" -> 2026-11-23 to 2026-11-29. */
export function isoWeekBounds(week: string): { monday: string; sunday: string } {
  const match = ISO_WEEK.exec(week);
  if (!match) throw new RangeError(`Not an ISO week like 2026-W48: ${week}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4Weekday = (jan4.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(Date.UTC(year, 0, 4 - jan4Weekday + (number - 1) * 7));
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { monday: iso(monday), sunday: iso(sunday) };
}

/** The ISO week (Monday start) a calendar date falls in: "2026-11-25" -> "2026-W48". */
export function isoWeekOfDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7;
  // The Thursday of the same week decides the year.
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000);
  const number = Math.floor((thursday.getTime() - firstMonday.getTime()) / (7 * 86_400_000)) + 1;
  return `${weekYear}-W${String(number).padStart(2, '0')}`;
}

/** The week's number alone: "2026-W08" -> 8. */
export function weekNumber(week: string): number {
  return Number(week.slice(week.indexOf('W') + 1));
}

function dayMonth(isoDate: string, months: readonly string[] = MONTH_NAMES): string {
  const [, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${months[month - 1]}`;
}

/** "2026-W48" -> "23 Nov", the Monday: a chart's label under a narrow bar (the full words are read out instead). */
export function weekShortLabel(week: string): string {
  return dayMonth(isoWeekBounds(week).monday, SHORT_MONTHS);
}

/** "2026-W48" -> "week 48, 23 to 29 November 2026". */
export function weekLongLabel(week: string): string {
  const { monday, sunday } = isoWeekBounds(week);
  const year = sunday.slice(0, 4);
  const [, mondayMonth] = monday.split('-');
  const [, sundayMonth] = sunday.split('-');
  const start = mondayMonth === sundayMonth ? String(Number(monday.slice(8, 10))) : dayMonth(monday);
  return `week ${weekNumber(week)}, ${start} to ${dayMonth(sunday)} ${year}`;
}

/** 75 -> "1.25 hours", 60 -> "1 hour", 0 -> "0 hours". */
export function hoursText(minutes: number): string {
  const text = hours(minutes);
  return text === '1' ? '1 hour' : `${text} hours`;
}

export const WEEK_STATE_LABELS: Record<StudyWeek['state'], string> = {
  below: 'Low',
  within: 'OK',
  above: 'High',
};

/** One week of the chart in words, for people who cannot see the bars. */
export function describeStudyWeek(week: StudyWeek, band: { min: number; max: number }): string {
  const range = `${hours(band.min)} to ${hours(band.max)} hours`;
  const where = week.state === 'within' ? `within the ${range} agreed` : `${week.state} the ${range} agreed`;
  const pending = week.pendingMinutes > 0 ? `, ${hoursText(week.pendingMinutes)} waiting for confirmation` : '';
  // Declined study time is the PCN's decision, said as such rather than folded into "below".
  const declined = week.declinedMinutes > 0 ? `, ${hoursText(week.declinedMinutes)} declined by the PCN` : '';
  return `${capitalise(weekLongLabel(week.week))}: ${hoursText(week.confirmedMinutes)} confirmed, ${where}${pending}${declined}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
