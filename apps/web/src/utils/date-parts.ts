/**
 * The NHS.UK date input's three boxes (day, month, year) and the one string a form keeps for them: a YYYY-MM-DD date
 * when the boxes make a real date, '' when all are empty, and otherwise the boxes as typed ("year/month/day"), which
 * no date check accepts, so the form says what is wrong.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE_PARTS: DateParts = { day: '', month: '', year: '' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether a value is a real YYYY-MM-DD date. */
export function isIsoDate(value: string): boolean {
  const iso = ISO_DATE.exec(value);
  return iso !== null && isRealDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
}

/** The boxes for a form's value: a YYYY-MM-DD date without its leading zeros, or the boxes as they were typed. */
export function splitDate(value: string): DateParts {
  const iso = ISO_DATE.exec(value);
  if (iso) return { year: iso[1] as string, month: String(Number(iso[2])), day: String(Number(iso[3])) };
  if (!value) return EMPTY_DATE_PARTS;
  const [year = '', month = '', day = ''] = value.split('/');
  return { year, month, day };
}

/** The form's value for the boxes (see the top of this file). */
export function joinDate(parts: DateParts): string {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return '';
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
    if (isRealDate(Number(year), Number(month), Number(day))) {
      return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    }
  }
  return [year, month, day].map((part) => part.replace(/\//g, '')).join('/');
}

/**
 * What is wrong with a date input's value, in the NHS date input's words ("Date must include a month"), or null when
 * it is a real date or empty (a required date says "Enter …" itself). `name` starts the sentence: "Date", "Date of
 * the session".
 */
export function dateProblem(value: string, name = 'Date'): string | null {
  if (!value || isIsoDate(value)) return null;
  const { day, month, year } = splitDate(value);
  const missing = [!day.trim() && 'day', !month.trim() && 'month', !year.trim() && 'year'].filter(Boolean);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    return `${name} must include a ${list}`;
  }
  if (!/^\d{4}$/.test(year.trim())) return 'Year must include 4 numbers';
  return `${name} must be a real date`;
}

/** Which box a date problem is about, so that only that box is marked (all three when the date is not real). */
export function problemParts(value: string): (keyof DateParts)[] {
  if (!value || isIsoDate(value)) return [];
  const { day, month, year } = splitDate(value);
  const missing = (['day', 'month', 'year'] as const).filter((part) => !{ day, month, year }[part].trim());
  if (missing.length > 0) return missing;
  if (!/^\d{4}$/.test(year.trim())) return ['year'];
  return ['day', 'month', 'year'];
}
