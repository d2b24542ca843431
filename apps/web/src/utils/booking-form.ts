/**
 * The booking form's rules: the London date and time become an instant; the duration, meeting link or place and
 * the out-of-month reason are checked with the programme's own rules (the API checks them again and decides).
 */
import type { BookSessionRequest, RescheduleSessionRequest } from '@ccc/contracts';
import { checkBooking, type SessionMode } from '@ccc/programme';
import { dateProblem } from './date-parts';
import { formatDate, dayBefore } from './format';
import { isCalendarDate, isClockTime, londonDateTime, londonInstant } from './london-time';
import { TEXT_RULES } from '@ccc/contracts';
import { requiredTextError } from './text-rules';

export interface SlotValues {
  /** YYYY-MM-DD, a London calendar date */
  date: string;
  /** HH:MM, 24-hour, London time */
  time: string;
}

export interface BookingValues extends SlotValues {
  durationMinutes: string;
  mode: SessionMode;
  meetingLink: string;
  place: string;
  outOfMonthReason: string;
  /** Why it is being rescheduled (reschedule only). */
  reason: string;
  /** Why it may clash with another session (after the API reported a clash). */
  conflictOverrideReason: string;
}

export type BookingField = keyof BookingValues;
export type BookingErrors = Partial<Record<BookingField, string>>;

export interface BookingRules {
  month: number;
  monthStartsOn: string;
  monthEndsBefore: string;
  durationRange: { min: number; max: number };
  /** Rescheduling asks why. */
  requireReason: boolean;
  /** The API reported a clash: booking over it needs a reason. */
  requireOverrideReason: boolean;
}

export interface SessionForBooking {
  startsAt: string | null;
  durationMinutes: number | null;
  durationRange: { min: number; max: number };
  mode: SessionMode;
  meetingLink: string | null;
  place: string | null;
  outOfMonthReason: string | null;
}

/** The form filled from the session: its time and details when it has them, the plan's defaults when not. */
export function initialBookingValues(session: SessionForBooking): BookingValues {
  const when = session.startsAt ? londonDateTime(session.startsAt) : { date: '', time: '' };
  return {
    date: when.date,
    time: when.time,
    durationMinutes: String(session.durationMinutes ?? session.durationRange.min),
    mode: session.mode,
    meetingLink: session.meetingLink ?? '',
    place: session.place ?? '',
    outOfMonthReason: session.outOfMonthReason ?? '',
    reason: '',
    conflictOverrideReason: '',
  };
}

/** A time as typed ("9:30", "14.00") as the 24-hour clock's "09:30"; anything else as it was. */
export function clockTime(text: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return match ? `${(match[1] as string).padStart(2, '0')}:${match[2]}` : text.trim();
}

/** Checks a date and time, and turns them into an instant when they are right. */
export function checkSlot(values: SlotValues): {
  errors: Partial<Record<keyof SlotValues, string>>;
  startsAt: string | null;
} {
  const errors: Partial<Record<keyof SlotValues, string>> = {};
  const date = values.date.trim();
  const time = clockTime(values.time);
  if (!date) errors.date = 'Enter the date';
  else if (!isCalendarDate(date)) errors.date = dateProblem(date) ?? 'Date must be a real date';
  if (!time) errors.time = 'Enter the start time, like 14:00';
  else if (!isClockTime(time)) errors.time = 'Enter the start time as hours and minutes, like 14:00';
  if (errors.date || errors.time) return { errors, startsAt: null };
  const startsAt = londonInstant(date, time);
  if (!startsAt) {
    errors.time = `${time} does not happen in the UK on ${formatDate(date)}, because the clocks go forward. Choose another time`;
  }
  return { errors, startsAt };
}

/** Whether a date falls outside the session's plan month (its bounds are half-open). */
export function isOutsideMonth(date: string, monthStartsOn: string, monthEndsBefore: string): boolean {
  if (!isCalendarDate(date)) return false;
  return date < monthStartsOn.slice(0, 10) || date >= monthEndsBefore.slice(0, 10);
}

function capitalise(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function validateBooking(values: BookingValues, rules: BookingRules): BookingErrors {
  const slot = checkSlot(values);
  const errors: BookingErrors = { ...slot.errors };
  const duration = values.durationMinutes.trim();
  const durationMinutes = Number(duration);
  if (!duration) errors.durationMinutes = 'Enter how long the session lasts, in minutes';
  else if (!/^\d+$/.test(duration)) errors.durationMinutes = 'Enter the duration as a whole number of minutes';

  // The programme's rules for the duration, the link and the place. The month is checked below against the
  // session's own month bounds, which the form knows exactly.
  const { problems } = checkBooking(
    {
      startsAt: new Date(slot.startsAt ?? `${rules.monthStartsOn.slice(0, 10)}T12:00:00Z`),
      durationMinutes: Number.isFinite(durationMinutes) ? durationMinutes : Number.NaN,
      mode: values.mode,
      meetingLink: values.meetingLink,
      place: values.place,
      outOfMonthReason: 'checked by the form',
    },
    { cohortStart: rules.monthStartsOn.slice(0, 10), month: 1, durationRange: rules.durationRange },
  );
  for (const problem of problems) {
    const field = problem.field as BookingField;
    if (field === 'outOfMonthReason' || errors[field]) continue;
    errors[field] = capitalise(problem.reason);
  }
  if (values.mode === 'virtual' && !errors.meetingLink && !/^https?:\/\/\S+$/i.test(values.meetingLink.trim())) {
    errors.meetingLink = 'Enter the meeting link as a web address, like https://meet.example.org/abc';
  }

  if (
    !errors.date &&
    isOutsideMonth(values.date, rules.monthStartsOn, rules.monthEndsBefore) &&
    !values.outOfMonthReason.trim()
  ) {
    errors.outOfMonthReason =
      `This session belongs to month ${rules.month} (${formatDate(rules.monthStartsOn)} to ` +
      `${formatDate(dayBefore(rules.monthEndsBefore))}). Say why it is booked on ${formatDate(values.date)}`;
  }
  if (rules.requireReason) {
    const reason = requiredTextError(
      values.reason,
      TEXT_RULES.sessionRescheduleReason,
      'Say why the session is being rescheduled',
    );
    if (reason) errors.reason = reason;
  }
  if (rules.requireOverrideReason && !values.conflictOverrideReason.trim()) {
    errors.conflictOverrideReason = 'Say why the session should go ahead at the same time as the other one';
  }
  return errors;
}

/** The request for a valid form: only the fields that apply to the chosen mode and date. */
export function toBookingRequest(values: BookingValues, version: number, rules: BookingRules): BookSessionRequest {
  const startsAt = londonInstant(values.date.trim(), clockTime(values.time));
  if (!startsAt) throw new RangeError('The form is not valid: no start time');
  const request: BookSessionRequest = {
    startsAt,
    durationMinutes: Number(values.durationMinutes.trim()),
    mode: values.mode,
    version,
  };
  if (values.mode === 'virtual') request.meetingLink = values.meetingLink.trim();
  else request.place = values.place.trim();
  if (isOutsideMonth(values.date, rules.monthStartsOn, rules.monthEndsBefore)) {
    request.outOfMonthReason = values.outOfMonthReason.trim();
  }
  if (rules.requireOverrideReason && values.conflictOverrideReason.trim()) {
    request.conflictOverrideReason = values.conflictOverrideReason.trim();
  }
  return request;
}

export function toRescheduleRequest(
  values: BookingValues,
  version: number,
  rules: BookingRules,
): RescheduleSessionRequest {
  return { ...toBookingRequest(values, version, rules), reason: values.reason.trim() };
}

const SERVER_FIELDS: Record<string, BookingField> = {
  startsAt: 'date',
  proposedStartsAt: 'date',
  date: 'date',
  time: 'time',
  durationMinutes: 'durationMinutes',
  mode: 'mode',
  meetingLink: 'meetingLink',
  place: 'place',
  outOfMonthReason: 'outOfMonthReason',
  reason: 'reason',
  conflictOverrideReason: 'conflictOverrideReason',
};

/** Which of the form's fields an API field error belongs to, or null for one that belongs to none. */
export function bookingFieldFor(serverField: string): BookingField | null {
  return SERVER_FIELDS[serverField] ?? null;
}

/** The API's field errors on the form's fields, one message per field; the rest apart. */
export function mapServerErrors(fieldErrors: { field: string; reason: string }[]): {
  fields: BookingErrors;
  other: string[];
} {
  const fields: BookingErrors = {};
  const other: string[] = [];
  for (const { field, reason } of fieldErrors) {
    const mapped = bookingFieldFor(field);
    if (mapped) fields[mapped] ??= capitalise(reason);
    else other.push(capitalise(reason));
  }
  return { fields, other };
}
