import { formatDate, formatDateTime } from './format';

/**
 * The API's reasons in the words of the NHS service manual. Its own rules already speak plainly ("Enter the
 * reason"); the generic checks (class-validator's) say things like "notes must be shorter than or equal to 20000
 * characters", which a reader should never see. Dates in any message are written as people read them.
 */

const ISO_INSTANT = /\b(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;

/** "2027-04-06" -> "6 April 2027" and instants -> "Tuesday 6 April 2027, 14:00" (London time), wherever they are. */
export function readableDates(text: string): string {
  return text
    .replace(ISO_INSTANT, (instant) => {
      try {
        return formatDateTime(instant);
      } catch {
        return instant;
      }
    })
    .replace(ISO_DATE, (date) => {
      try {
        return formatDate(date);
      } catch {
        return date;
      }
    });
}

function count(text: string): string {
  return Number(text).toLocaleString('en-GB');
}

/** A generic check's reason (its field name taken off) and the plain sentence for it; `name` is "the notes" etc. */
const GENERIC: [RegExp, (name: string, match: RegExpExecArray) => string][] = [
  [
    /^must be shorter than or equal to (\d+) characters?$/,
    (name, m) => `${cap(name)} must be ${count(m[1] as string)} characters or fewer`,
  ],
  [
    /^must be longer than or equal to (\d+) characters?$/,
    (name, m) => `${cap(name)} must be at least ${count(m[1] as string)} characters`,
  ],
  [/^should not be empty$|^must be a non-empty string$/, (name) => `Enter ${name}`],
  [/^must not be less than (-?\d+(?:\.\d+)?)$/, (name, m) => `${cap(name)} must be ${count(m[1] as string)} or more`],
  [
    /^must not be greater than (-?\d+(?:\.\d+)?)$/,
    (name, m) => `${cap(name)} must be ${count(m[1] as string)} or fewer`,
  ],
  [/^must be an integer number$/, (name) => `${cap(name)} must be a whole number`],
  [
    /^must be a number conforming to the specified constraints$|^must be a number$/,
    (name) => `${cap(name)} must be a number`,
  ],
  [/^must be a valid ISO 8601 date string$|^must be a Date instance$/, (name) => `${cap(name)} must be a real date`],
  [/^must be a URL address$/, (name) => `Enter ${name} as a web address, like https://meet.example.org/abc`],
  [/^must be an email$/, (name) => `Enter ${name} in the correct format, like name@example.com`],
  [/^must be one of the following values: .*$/, (name) => `Select ${name}`],
  [/^must be a UUID$/, (name) => `Select ${name} from the list`],
  [/^must be a boolean value$/, (name) => `Select yes or no for ${name}`],
  [/^must be a string$/, (name) => `Enter ${name} as text`],
  [/^must be an array$/, (name) => `Select ${name}`],
  [/^should not exist$/, () => 'This form sent something the service does not take. Reload the page and try again'],
];

function cap(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** "startsAt" -> "starts at"; "items.0.note" -> "note". */
function spokenField(field: string): string {
  const last =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? field;
  return last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * The API's reason for a field in plain English: `name` is how the form speaks of the field ("the notes"); without it
 * the field's own name is used.
 */
export function plainReason(field: string, reason: string, name?: string): string {
  const lastSegment = field.split('.').at(-1) ?? field;
  let rest = reason.trim();
  for (const prefix of [field, lastSegment]) {
    if (rest.startsWith(`${prefix} `)) {
      rest = rest.slice(prefix.length + 1);
      break;
    }
  }
  // "each value in items must be …": the same rule for every item of a list.
  rest = rest.replace(/^each value in \S+ /, '');
  for (const [pattern, sentence] of GENERIC) {
    const match = pattern.exec(rest);
    if (match) return sentence(name ?? spokenField(field), match);
  }
  return cap(readableDates(reason.trim()));
}
