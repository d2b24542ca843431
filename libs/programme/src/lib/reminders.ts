import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { needsPcnSupervisor } from './booking';
import { type LaterDutyFact, laterDutyReminders } from './duties';
import { addCalendarDays, isoWeekOf, type IsoDate, londonDate, monthBounds, PROGRAMME_TIME_ZONE } from './months';
import { PARTICIPANT_ROLES, type ParticipantRole } from './template';

/*
 * Reminders: given the time now and the facts, which reminders are due, to whom, and in what words. Each due
 * reminder carries an occasion; (recipient, kind, subject, occasion) identifies it, so the store can send it at
 * most once however often, and on however many instances, the scan runs.
 */

export const REMINDER_KINDS = [
  'session_tomorrow',
  'slot_awaiting_pcn',
  'evidence_awaiting_review',
  'plan_month_ending',
  'release_unconfirmed',
  'handover_to_sign',
  'duty_can_be_confirmed',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_SUBJECT_TYPES = ['session', 'enrolment', 'cohort', 'evidence'] as const;
export type ReminderSubjectType = (typeof REMINDER_SUBJECT_TYPES)[number];

/** Words for each kind, for the preferences form and the in-app list. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, { label: string; description: string }> = {
  session_tomorrow: {
    label: 'Sessions tomorrow',
    description: 'The day before a booked session you attend.',
  },
  slot_awaiting_pcn: {
    label: 'Session times waiting for you',
    description: 'When a joint session time has waited 3 days for you, as PCN supervisor, to accept it.',
  },
  evidence_awaiting_review: {
    label: 'Evidence waiting for review',
    description: 'When evidence a CCC submitted has waited 7 days for you to review it.',
  },
  plan_month_ending: {
    label: 'Plan months ending with sessions not booked',
    description: 'When a programme month ends within 7 days and sessions you run in it are not booked.',
  },
  release_unconfirmed: {
    label: 'Release requests not confirmed',
    description: 'Once a week, when a CCC’s release requests have waited a week or more for you to confirm them.',
  },
  handover_to_sign: {
    label: 'Handover records to sign again',
    description: 'When a signed handover and evaluation record is amended and asks for your signature again.',
  },
  duty_can_be_confirmed: {
    label: 'Duties that can now be confirmed',
    description:
      'When one of the PCN’s later duties to a CCC (follow-on supervision, the 1-year appraisal) can be confirmed.',
  },
};

/** Who each kind can reach: the preferences form offers a person only the kinds their roles can get. */
export const REMINDER_KIND_AUDIENCE: Record<ReminderKind, readonly ParticipantRole[]> = {
  session_tomorrow: ['ccc', 'alliance_supervisor', 'pcn_supervisor'],
  slot_awaiting_pcn: ['pcn_supervisor'],
  evidence_awaiting_review: ['alliance_supervisor'],
  plan_month_ending: ['alliance_supervisor'],
  release_unconfirmed: ['pcn_supervisor'],
  handover_to_sign: ['ccc', 'alliance_supervisor', 'pcn_supervisor'],
  duty_can_be_confirmed: ['pcn_supervisor', 'alliance_supervisor'],
};

/** The kinds a person with these roles can get; every kind for a role outside the sessions (an administrator). */
export function reminderKindsFor(roles: readonly string[]): ReminderKind[] {
  if (roles.some((role) => !(PARTICIPANT_ROLES as readonly string[]).includes(role))) return [...REMINDER_KINDS];
  return REMINDER_KINDS.filter((kind) => REMINDER_KIND_AUDIENCE[kind].some((role) => roles.includes(role)));
}

/** The waits, in days, after which each kind is due. */
export const REMINDER_WAITS = {
  slotAwaitingPcnDays: 3,
  evidenceAwaitingReviewDays: 7,
  monthEndingWithinDays: 7,
  releaseUnconfirmedDays: 7,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DueReminder {
  kind: ReminderKind;
  recipientId: string;
  subjectType: ReminderSubjectType;
  subjectId: string;
  /** Which occurrence, e.g. the date of the session or when the wait began. */
  occasion: string;
  title: string;
  body: string;
  /** Where in the SPA to act on it. */
  link: string;
}

/** A booked session starting within the next two days, with who attends it. */
export interface UpcomingSessionFact {
  sessionId: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  participants: readonly ParticipantRole[];
  /** The Alliance supervisor who runs it. */
  leadId: string | null;
  cccIds: readonly string[];
  pcnSupervisorIds: readonly string[];
  meetingLink: string | null;
  place: string | null;
}

/** A session whose offered time waits for the PCN supervisor. */
export interface AwaitingSlotFact {
  sessionId: string;
  title: string;
  startsAt: Date;
  /** When the current offer was made (a new time restarts the wait). */
  awaitingSince: Date;
  cccNames: readonly string[];
  pcnSupervisorIds: readonly string[];
}

/** A competency whose evidence waits for the reviewer. */
export interface EvidenceAwaitingFact {
  /** What waits: the record the reminder is about. */
  evidenceId: string;
  /** The competency, as people know it (its code, with its title where known). */
  competency: string;
  cccName: string;
  /** When it started waiting for review (more evidence while it waits does not restart the wait). */
  submittedAt: Date;
  reviewerIds: readonly string[];
  /** Where the reviewer acts on it. */
  link: string;
}

/** A session of the plan that is not booked yet. */
export interface UnbookedSessionFact {
  sessionId: string;
  cohortId: string;
  cohortName: string;
  cohortStart: IsoDate;
  month: number;
  title: string;
  /** Null for a session the whole cohort shares. */
  cccName: string | null;
  /** The CCC's Alliance supervisor, for a session of one CCC. */
  allianceSupervisorId: string | null;
  /** Who runs a shared session: its lead if set, else the cohort's supervisors. */
  leadId: string | null;
  cohortSupervisorIds: readonly string[];
}

/** A release request still pending. */
export interface PendingReleaseFact {
  requestId: string;
  enrolmentId: string;
  cccName: string;
  date: IsoDate;
  minutes: number;
  description: string;
  /** When it was made or last changed (a moved session's request starts waiting again). */
  pendingSince: Date;
  pcnSupervisorId: string;
}

export interface ReminderFacts {
  upcomingSessions: readonly UpcomingSessionFact[];
  awaitingSlots: readonly AwaitingSlotFact[];
  evidenceAwaiting: readonly EvidenceAwaitingFact[];
  unbookedSessions: readonly UnbookedSessionFact[];
  pendingRelease: readonly PendingReleaseFact[];
  /** Table 2 duties that only become true later (follow-on supervision, the appraisal); absent: none. */
  laterDuties?: readonly LaterDutyFact[];
}

const inLondon = (instant: Date, pattern: string) =>
  format(new TZDate(instant.getTime(), PROGRAMME_TIME_ZONE), pattern);

/** "Tuesday 3 March 2026 at 10:30" */
export const londonDateTimeWords = (instant: Date) => inLondon(instant, "EEEE d MMMM yyyy 'at' HH:mm");

/** "3 March 2026" */
export function dateWords(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new Date(y, m - 1, d, 12), 'd MMMM yyyy');
}

/** 45 -> "45 minutes", 60 -> "1 hour", 90 -> "1 hour 30 minutes" (as the SPA writes them). */
const hoursAndMinutes = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minute${m === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' ');
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const waitedAtLeast = (since: Date, now: Date, days: number) => now.getTime() - since.getTime() >= days * DAY_MS;

/** The day before a booked session: to each attendee (its CCCs, the supervisor who runs it, the PCN supervisor if joint). */
export function sessionsTomorrow(sessions: readonly UpcomingSessionFact[], now: Date): DueReminder[] {
  const tomorrow = addCalendarDays(londonDate(now), 1);
  return sessions
    .filter((s) => londonDate(s.startsAt) === tomorrow)
    .flatMap((s) => {
      const attendees = new Set([
        ...s.cccIds,
        ...(s.leadId ? [s.leadId] : []),
        ...(needsPcnSupervisor(s.participants) ? s.pcnSupervisorIds : []),
      ]);
      const where = s.meetingLink ? `Join online: ${s.meetingLink}` : s.place ? `Place: ${s.place}` : null;
      const body = [
        `${s.title} is tomorrow, ${londonDateTimeWords(s.startsAt)}, for ${hoursAndMinutes(s.durationMinutes)}.`,
        where,
      ]
        .filter(Boolean)
        .join('\n');
      return [...attendees].map((recipientId): DueReminder => ({
        kind: 'session_tomorrow',
        recipientId,
        subjectType: 'session',
        subjectId: s.sessionId,
        occasion: tomorrow,
        title: `Tomorrow at ${inLondon(s.startsAt, 'HH:mm')}: ${s.title}`,
        body,
        link: `/sessions/${s.sessionId}`,
      }));
    });
}

/**
 * A time offered to the PCN supervisor and not answered for 3 days: once per offer, and only while the offered
 * time is still ahead (once it has passed, the Alliance offers another).
 */
export function slotsAwaitingPcn(slots: readonly AwaitingSlotFact[], now: Date): DueReminder[] {
  return slots
    .filter((s) => s.startsAt > now && waitedAtLeast(s.awaitingSince, now, REMINDER_WAITS.slotAwaitingPcnDays))
    .flatMap((s) => {
      const who = s.cccNames.join(', ');
      return s.pcnSupervisorIds.map((recipientId): DueReminder => ({
        kind: 'slot_awaiting_pcn',
        recipientId,
        subjectType: 'session',
        subjectId: s.sessionId,
        occasion: s.awaitingSince.toISOString(),
        title: `Can you make ${s.title}${who ? ` with ${who}` : ''}?`,
        body:
          `${s.title}${who ? ` with ${who}` : ''} was offered for ${londonDateTimeWords(s.startsAt)}, ` +
          `${plural(Math.floor((now.getTime() - s.awaitingSince.getTime()) / DAY_MS), 'day')} ago. ` +
          'Accept the time or propose another, so that it can go ahead.',
        link: `/sessions/${s.sessionId}`,
      }));
    });
}

/** Evidence waiting 7 days and still not reviewed: once per wait, to each reviewer. */
export function evidenceAwaitingReview(items: readonly EvidenceAwaitingFact[], now: Date): DueReminder[] {
  return items
    .filter((e) => waitedAtLeast(e.submittedAt, now, REMINDER_WAITS.evidenceAwaitingReviewDays))
    .flatMap((e) =>
      e.reviewerIds.map((recipientId): DueReminder => ({
        kind: 'evidence_awaiting_review',
        recipientId,
        subjectType: 'evidence',
        subjectId: e.evidenceId,
        occasion: e.submittedAt.toISOString(),
        title: `Evidence from ${e.cccName} has waited a week for your review`,
        body:
          `${e.cccName} submitted evidence for ${e.competency} on ${dateWords(londonDate(e.submittedAt))}. ` +
          'Review it to sign the competency off or ask for more.',
        link: e.link,
      })),
    );
}

/**
 * A programme month that ends within 7 days with sessions not booked: one reminder per Alliance supervisor, cohort
 * and month, listing the sessions they run that are still unbooked.
 */
export function planMonthsEnding(sessions: readonly UnbookedSessionFact[], now: Date): DueReminder[] {
  const today = londonDate(now);
  const groups = new Map<
    string,
    { recipientId: string; first: UnbookedSessionFact; sessions: UnbookedSessionFact[] }
  >();
  for (const s of sessions) {
    const { endsBefore } = monthBounds(s.cohortStart, s.month);
    // Both are calendar dates: read as UTC midnights, their difference is a whole number of days.
    const daysLeft = Math.round((Date.parse(endsBefore) - Date.parse(today)) / DAY_MS);
    if (daysLeft < 1 || daysLeft > REMINDER_WAITS.monthEndingWithinDays) continue;
    const responsible = s.allianceSupervisorId
      ? [s.allianceSupervisorId]
      : s.leadId
        ? [s.leadId]
        : [...s.cohortSupervisorIds];
    for (const recipientId of responsible) {
      const key = `${recipientId}|${s.cohortId}|${s.month}`;
      const group = groups.get(key) ?? { recipientId, first: s, sessions: [] };
      group.sessions.push(s);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ recipientId, first, sessions: list }) => {
    const lastDay = addCalendarDays(monthBounds(first.cohortStart, first.month).endsBefore, -1);
    const lines = list
      .map((s) => `- ${s.title}${s.cccName ? ` with ${s.cccName}` : ' (the whole cohort)'}`)
      .sort((a, b) => a.localeCompare(b));
    return {
      kind: 'plan_month_ending',
      recipientId,
      subjectType: 'cohort',
      subjectId: first.cohortId,
      occasion: `month-${first.month}`,
      title: `Month ${first.month} ends on ${dateWords(lastDay)} with ${plural(list.length, 'session')} not booked`,
      body: `Month ${first.month} of ${first.cohortName} ends on ${dateWords(lastDay)}. Not booked yet:\n${lines.join('\n')}`,
      link: '/',
    };
  });
}

/**
 * Release requests that have waited a week or more: at most one reminder a week per CCC to their PCN supervisor,
 * listing every such request, for as long as any is left unanswered.
 */
export function releaseUnconfirmed(requests: readonly PendingReleaseFact[], now: Date): DueReminder[] {
  const week = isoWeekOf(londonDate(now));
  const groups = new Map<string, PendingReleaseFact[]>();
  for (const r of requests) {
    if (!waitedAtLeast(r.pendingSince, now, REMINDER_WAITS.releaseUnconfirmedDays)) continue;
    const key = `${r.pcnSupervisorId}|${r.enrolmentId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0]!;
    const lines = [...list]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((r) => `- ${dateWords(r.date)}: ${hoursAndMinutes(r.minutes)} for ${r.description}`);
    return {
      kind: 'release_unconfirmed',
      recipientId: first.pcnSupervisorId,
      subjectType: 'enrolment',
      subjectId: first.enrolmentId,
      occasion: week,
      title: `${plural(list.length, 'release request')} from ${first.cccName} ${list.length === 1 ? 'has' : 'have'} waited a week or more`,
      body: `Please confirm or decline the time ${first.cccName} asked to be released for:\n${lines.join('\n')}`,
      link: `/enrolments/${first.enrolmentId}/release`,
    };
  });
}

/** Every reminder due now, of every kind. */
export function dueReminders(facts: ReminderFacts, now: Date): DueReminder[] {
  return [
    ...sessionsTomorrow(facts.upcomingSessions, now),
    ...slotsAwaitingPcn(facts.awaitingSlots, now),
    ...evidenceAwaitingReview(facts.evidenceAwaiting, now),
    ...planMonthsEnding(facts.unbookedSessions, now),
    ...releaseUnconfirmed(facts.pendingRelease, now),
    ...laterDutyReminders(facts.laterDuties ?? [], londonDate(now)).map((d): DueReminder => ({
      kind: 'duty_can_be_confirmed',
      recipientId: d.recipientId,
      subjectType: 'enrolment',
      subjectId: d.enrolmentId,
      occasion: d.occasion,
      title: d.title,
      body: `${d.title}. Confirm it on the CCC\u2019s expectations page once it is done.`,
      link: `/enrolments/${d.enrolmentId}/expectations`,
    })),
  ];
}
