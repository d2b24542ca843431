import { addDays, addMinutes, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { type IsoDate, londonDate, monthBounds, PROGRAMME_TIME_ZONE } from './months';
import type { DurationRange, ParticipantRole, SessionMode } from './template';

/*
 * The life of a session, as rules: who may do what in which state, and what a booking must hold.
 *
 *   planned ──book──▶ scheduled ──record──▶ completed
 *      │                 ▲  │
 *      │ (PCN needed)    │  └──cancel──▶ cancelled   (a fresh planned session takes its place)
 *      └──book──▶ awaiting_pcn ──accept_slot──▶ scheduled
 *                     │  ▲
 *          propose_slot  counter_proposal
 *                     ▼  │
 *               awaiting_alliance ──accept_proposal──▶ scheduled
 */

export const SESSION_STATUSES = [
  'planned',
  'awaiting_pcn',
  'awaiting_alliance',
  'scheduled',
  'completed',
  'cancelled',
  'missed',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * What a person sees: the stored status, or one derived from the calendar and the register. `not_held`: nobody
 * booked it and its month is over (never "missed": no one was absent); `overdue`: booked, held or not, and not
 * recorded in time; `did_not_attend`: held, and this CCC was absent or sent apologies (their own timeline only).
 */
export type DisplayStatus = SessionStatus | 'overdue' | 'not_held' | 'did_not_attend';

/** A held session should be recorded within this many days of its end. */
export const RECORD_WITHIN_DAYS = 7;

/** Statuses in which a session holds a slot in people's diaries. */
export const ACTIVE_BOOKING_STATUSES: readonly SessionStatus[] = ['awaiting_pcn', 'awaiting_alliance', 'scheduled'];

export const SESSION_ACTIONS = [
  'book',
  'accept_slot',
  'propose_slot',
  'accept_proposal',
  'counter_proposal',
  'reschedule',
  'cancel',
  'record',
] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

/** Which side of the plan acts: the Alliance (its supervisors and administrators) or the PCN supervisor. */
export type SessionActor = 'alliance' | 'pcn' | 'ccc';

const TRANSITIONS: Record<SessionAction, { from: readonly SessionStatus[]; actor: SessionActor }> = {
  book: { from: ['planned'], actor: 'alliance' },
  accept_slot: { from: ['awaiting_pcn'], actor: 'pcn' },
  propose_slot: { from: ['awaiting_pcn'], actor: 'pcn' },
  accept_proposal: { from: ['awaiting_alliance'], actor: 'alliance' },
  counter_proposal: { from: ['awaiting_alliance'], actor: 'alliance' },
  reschedule: { from: ['awaiting_pcn', 'awaiting_alliance', 'scheduled'], actor: 'alliance' },
  cancel: { from: ['awaiting_pcn', 'awaiting_alliance', 'scheduled'], actor: 'alliance' },
  record: { from: ['scheduled'], actor: 'alliance' },
};

const STATUS_WORDS: Record<SessionStatus, string> = {
  planned: 'not booked yet',
  awaiting_pcn: 'waiting for the PCN supervisor',
  awaiting_alliance: 'waiting for the Alliance supervisor',
  scheduled: 'booked',
  completed: 'held and recorded',
  cancelled: 'cancelled',
  missed: 'not held',
};

/** Joint sessions and the handover interview need the PCN supervisor to accept the slot. */
export function needsPcnSupervisor(participants: readonly ParticipantRole[]): boolean {
  return participants.includes('pcn_supervisor');
}

export interface SessionState {
  status: SessionStatus;
  participants: readonly ParticipantRole[];
  startsAt: Date | null;
  durationMinutes: number | null;
}

/** A refusal says whether it is the wrong party's move (`party`) or the wrong moment for it (`state`). */
export type Transition =
  { allowed: true; to: SessionStatus } | { allowed: false; refusal: 'party' | 'state'; reason: string };

/** The state after `action`, or why it cannot happen now. */
export function transition(action: SessionAction, session: SessionState, actor: SessionActor, now: Date): Transition {
  const rule = TRANSITIONS[action];
  const words = action.replaceAll('_', ' ');
  if (rule.actor !== actor) {
    return {
      allowed: false,
      refusal: 'party',
      reason: `Only the ${rule.actor === 'pcn' ? 'PCN supervisor' : 'Alliance'} can ${words} this session`,
    };
  }
  if (!rule.from.includes(session.status)) {
    return {
      allowed: false,
      refusal: 'state',
      reason: `Cannot ${words} a session that is ${STATUS_WORDS[session.status]}`,
    };
  }
  if (action === 'record' && (!session.startsAt || session.startsAt > now)) {
    return { allowed: false, refusal: 'state', reason: 'A session can be recorded once it has started' };
  }
  const pcn = needsPcnSupervisor(session.participants);
  switch (action) {
    case 'book':
    case 'reschedule':
    case 'counter_proposal':
      return { allowed: true, to: pcn ? 'awaiting_pcn' : 'scheduled' };
    case 'propose_slot':
      return { allowed: true, to: 'awaiting_alliance' };
    case 'accept_slot':
    case 'accept_proposal':
      return { allowed: true, to: 'scheduled' };
    case 'cancel':
      return { allowed: true, to: 'cancelled' };
    case 'record':
      return { allowed: true, to: 'completed' };
  }
}

/** What this party can do next with the session, for the SPA to offer. */
export function availableActions(session: SessionState, actor: SessionActor, now: Date): SessionAction[] {
  return SESSION_ACTIONS.filter((action) => transition(action, session, actor, now).allowed);
}

export function sessionEnd(startsAt: Date, durationMinutes: number): Date {
  return addMinutes(startsAt, durationMinutes);
}

/** Half-open intervals: a session ending at 10:00 does not clash with one starting at 10:00. */
export function overlaps(
  a: { startsAt: Date; durationMinutes: number },
  b: { startsAt: Date; durationMinutes: number },
): boolean {
  return (
    a.startsAt < sessionEnd(b.startsAt, b.durationMinutes) && b.startsAt < sessionEnd(a.startsAt, a.durationMinutes)
  );
}

/**
 * The status a person sees now: a planned session whose month has ended was `not_held` (never booked), as is one
 * stored as missed; a booked one not recorded within RECORD_WITHIN_DAYS of its end is `overdue`. Derived, so
 * nothing has to run at midnight.
 */
export function displayStatus(session: SessionState & { monthEndsBefore: IsoDate }, now: Date): DisplayStatus {
  if (session.status === 'planned' && londonDate(now) >= session.monthEndsBefore) return 'not_held';
  if (session.status === 'missed') return 'not_held';
  if (session.status === 'scheduled' && session.startsAt && session.durationMinutes !== null) {
    const due = addDays(sessionEnd(session.startsAt, session.durationMinutes), RECORD_WITHIN_DAYS);
    if (now > due) return 'overdue';
  }
  return session.status;
}

/** The absences of the register: the person did not attend (with or without apologies). */
export const NOT_ATTENDED = ['absent', 'apologies'] as const;

/** What the register of a held session may say of each person (no longer `expected`). */
export const HELD_ATTENDANCE = ['present', 'apologies', 'absent'] as const;
export type HeldAttendance = (typeof HELD_ATTENDANCE)[number];

/**
 * The status on one CCC's own record: a held session they were absent from (or sent apologies for) is
 * `did_not_attend`, told apart from one nobody booked (`not_held`).
 */
export function attendeeStatus(status: DisplayStatus, attendance: string | null | undefined): DisplayStatus {
  return status === 'completed' && (NOT_ATTENDED as readonly string[]).includes(attendance ?? '')
    ? 'did_not_attend'
    : status;
}

export interface BookingRequest {
  startsAt: Date;
  durationMinutes: number;
  mode: SessionMode;
  meetingLink?: string | null;
  place?: string | null;
  outOfMonthReason?: string | null;
}

export interface BookingContext {
  cohortStart: IsoDate;
  month: number;
  durationRange: DurationRange;
}

export interface BookingProblem {
  field: string;
  reason: string;
}

function humanDate(date: IsoDate): string {
  return format(new TZDate(`${date}T12:00:00Z`, 'UTC'), 'd MMM yyyy');
}

/** Minutes as people say them: "1 hour 30 minutes". */
export function humanMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minute${m === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ') || '0 minutes';
}

/**
 * Checks a booking against the plan. A date outside the plan month is allowed with a reason (programmes slip;
 * the reason is shown on every timeline), so it is a problem only when the reason is missing.
 */
export function checkBooking(
  request: BookingRequest,
  context: BookingContext,
): { problems: BookingProblem[]; outOfMonth: boolean } {
  const problems: BookingProblem[] = [];
  const { min, max } = context.durationRange;
  if (!Number.isInteger(request.durationMinutes) || request.durationMinutes < min || request.durationMinutes > max) {
    problems.push({
      field: 'durationMinutes',
      reason:
        min === max
          ? `this session lasts ${humanMinutes(min)}`
          : `this session lasts between ${humanMinutes(min)} and ${humanMinutes(max)}`,
    });
  }
  if (request.mode === 'virtual' && !request.meetingLink?.trim()) {
    problems.push({ field: 'meetingLink', reason: 'a virtual session needs a meeting link' });
  }
  if (request.mode === 'face_to_face' && !request.place?.trim()) {
    problems.push({ field: 'place', reason: 'a face-to-face session needs a place' });
  }
  const bounds = monthBounds(context.cohortStart, context.month);
  const day = londonDate(request.startsAt);
  const outOfMonth = day < bounds.startsOn || day >= bounds.endsBefore;
  if (outOfMonth && !request.outOfMonthReason?.trim()) {
    problems.push({
      field: 'outOfMonthReason',
      reason:
        `this session belongs to month ${context.month} (${humanDate(bounds.startsOn)} to ${humanDate(dayBefore(bounds.endsBefore))}); ` +
        `booking it on ${humanDate(day)} needs a reason`,
    });
  }
  return { problems, outOfMonth };
}

function dayBefore(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(addDays(new TZDate(y, m - 1, d, PROGRAMME_TIME_ZONE), -1), 'yyyy-MM-dd');
}
