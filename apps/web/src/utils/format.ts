/**
 * Dates and times as the NHS style guide writes them, in Europe/London: "1 September 2026",
 * "Tuesday 15 September 2026, 10:30" (no abbreviations). Month names are our own rather than Intl's, so they do not
 * change with the ICU version.
 */

export const TIME_ZONE = 'Europe/London';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseDateOnly(value: string): CalendarDate {
  // Accept a full ISO instant too, using its calendar part: the API's dates are calendar dates.
  const match = DATE_ONLY.exec(value.slice(0, 10));
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${value}`);
  const [, year, month, day] = match;
  return { year: Number(year), month: Number(month), day: Number(day) };
}

function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-09-01" -> "1 September 2026". The value is a calendar date, so no time zone applies. */
export function formatDate(isoDate: string): string {
  const { year, month, day } = parseDateOnly(isoDate);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The calendar day before a YYYY-MM-DD date: the last day of a range given with an exclusive end. */
export function dayBefore(isoDate: string): string {
  const { year, month, day } = parseDateOnly(isoDate);
  const date = new Date(Date.UTC(year, month - 1, day - 1));
  return toIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** A range with an exclusive end, e.g. ("2026-09-01", "2026-10-01") -> "1 September 2026 to 30 September 2026". */
export function formatDateRange(startsOn: string, endsBefore: string): string {
  return `${formatDate(startsOn)} to ${formatDate(dayBefore(endsBefore))}`;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsInLondon(instant: Date): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of londonParts.formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

/** An instant as a date and 24-hour time in Europe/London: "Tuesday 15 September 2026, 10:30". */
export function formatDateTime(isoInstant: string): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO instant: ${isoInstant}`);
  const parts = partsInLondon(instant);
  const month = MONTH_NAMES[Number(parts['month']) - 1];
  return `${parts['weekday']} ${Number(parts['day'])} ${month} ${parts['year']}, ${parts['hour']}:${parts['minute']}`;
}

/** Today's calendar date in Europe/London, as YYYY-MM-DD. */
export function todayInLondon(now: Date = new Date()): string {
  const parts = partsInLondon(now);
  return toIsoDate({ year: Number(parts['year']), month: Number(parts['month']), day: Number(parts['day']) });
}

/** 45 -> "45 minutes", 60 -> "1 hour", 90 -> "1 hour 30 minutes". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours === 0 ? '' : hours === 1 ? '1 hour' : `${hours} hours`;
  const minuteText = rest === 0 ? '' : rest === 1 ? '1 minute' : `${rest} minutes`;
  return [hourText, minuteText].filter(Boolean).join(' ') || '0 minutes';
}

/** The booked duration when known, else the template's range: "30 to 60 minutes", "1 to 2 hours". */
export function formatDuration(durationMinutes: number | null, range: { min: number; max: number }): string {
  if (durationMinutes !== null) return formatMinutes(durationMinutes);
  const { min, max } = range;
  if (min === max) return formatMinutes(min);
  if (min % 60 === 0 && max % 60 === 0) return `${min / 60} to ${max / 60} hours`;
  if (max <= 120) return `${min} to ${max} minutes`;
  return `${formatMinutes(min)} to ${formatMinutes(max)}`;
}
