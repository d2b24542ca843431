import type { SignOff } from '@ccc/contracts';
import type { Tone } from '../../../components/tag';
import { formatDate } from '../../../utils/format';
/** Words for the programme's codes. Every `Record` is exhaustive, so a new kind or status fails the typecheck. */
import type { Attendance, EnrolmentStatus, EnrolmentSummary, MonthState } from '@ccc/contracts';
import type { DisplayStatus, ParticipantRole, SessionAction, SessionKind, SessionMode, Track } from '@ccc/programme';

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  individual: 'Individual supervision',
  group: 'Group supervision',
  joint: 'Joint session with PCN supervisor',
  tna: 'Training needs analysis',
  conference: 'Conference',
  handover: 'Handover and evaluation',
  teaching: 'Group teaching',
};

export const SESSION_STATUS_LABELS: Record<DisplayStatus, string> = {
  planned: 'Not booked yet',
  awaiting_pcn: 'Waiting for the PCN supervisor',
  awaiting_alliance: 'Waiting for the Alliance supervisor',
  scheduled: 'Booked',
  completed: 'Completed',
  cancelled: 'Cancelled',
  // Never one word "missed" for two things: a session nobody booked, and one the CCC did not attend.
  missed: 'Not held',
  not_held: 'Not held: never booked',
  did_not_attend: 'Did not attend',
  overdue: 'Overdue: not recorded',
};

/** The words on the button (or link) that starts each action. */
export const SESSION_ACTION_LABELS: Record<SessionAction, string> = {
  book: 'Book',
  accept_slot: 'Accept this time',
  propose_slot: 'Propose another time',
  accept_proposal: 'Accept the proposed time',
  counter_proposal: 'Offer another time',
  reschedule: 'Reschedule',
  cancel: 'Cancel session',
  record: 'Record',
};

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  expected: 'Expected',
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent',
};

export const SESSION_MODE_LABELS: Record<SessionMode, string> = {
  virtual: 'Virtual',
  face_to_face: 'Face to face',
};

export const TRACK_LABELS: Record<Track, string> = {
  supervision: 'Supervision track',
  training: 'Training track',
};

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  ccc: 'CCC',
  alliance_supervisor: 'Alliance supervisor',
  pcn_supervisor: 'PCN supervisor',
};

export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  active: 'Active',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

export const MONTH_STATE_LABELS: Record<MonthState, string> = {
  past: 'Past month',
  current: 'This month',
  future: 'Coming up',
};

/** The tone (tag colour) of each session status; the text always says the status, the colour only repeats it. */
export const SESSION_STATUS_TONES: Record<DisplayStatus, Tone> = {
  planned: 'neutral',
  awaiting_pcn: 'warning',
  awaiting_alliance: 'warning',
  scheduled: 'info',
  completed: 'success',
  cancelled: 'neutral',
  missed: 'warning',
  not_held: 'warning',
  did_not_attend: 'danger',
  overdue: 'danger',
};

export function sessionKindLabel(kind: string): string {
  return (SESSION_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function sessionStatusLabel(status: string): string {
  return (SESSION_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function sessionActionLabel(action: string): string {
  return (SESSION_ACTION_LABELS as Record<string, string>)[action] ?? action.replaceAll('_', ' ');
}

export function attendanceLabel(attendance: string): string {
  return (ATTENDANCE_LABELS as Record<string, string>)[attendance] ?? attendance;
}

export function participantRoleLabel(role: string): string {
  return (PARTICIPANT_ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/**
 * "Month 3 of 6" while the programme runs; otherwise why there is no current month.
 * `durationMonths` is optional because the list does not know the template; the timeline does.
 */
export function currentMonthLabel(
  enrolment: Pick<EnrolmentSummary, 'currentMonth' | 'status' | 'cohort' | 'pausedFrom'>,
  today: string,
  durationMonths?: number,
): string {
  if (enrolment.status === 'withdrawn') return 'Withdrawn';
  if (enrolment.pausedFrom) return `Paused from ${formatDate(enrolment.pausedFrom)}`;
  if (enrolment.currentMonth !== null) {
    return durationMonths ? `Month ${enrolment.currentMonth} of ${durationMonths}` : `Month ${enrolment.currentMonth}`;
  }
  if (today < enrolment.cohort.startDate.slice(0, 10)) return 'Not started';
  return 'Finished';
}

const SIGN_OFF_WORDS: Record<SignOff['what'], string> = {
  slot_accepted: 'Time agreed',
  recorded: 'Recorded as held',
  release_confirmed: 'Release confirmed',
  release_declined: 'Release declined',
};

/** "Release confirmed by Priya Nair on 25 Nov 2026, by e-mailed link" */
export function signOffText(signOff: SignOff): string {
  const who = signOff.by ? ` by ${signOff.by.fullName}` : '';
  return `${SIGN_OFF_WORDS[signOff.what]}${who} on ${formatDate(signOff.at.slice(0, 10))}${signOff.viaLink ? ', by e-mailed link' : ''}`;
}

/** A collapsed month in one line: "4 sessions: 3 completed, 1 not held: never booked". */
export function monthSessionsSummary(sessions: readonly { status: string }[]): string {
  if (sessions.length === 0) return 'No sessions';
  const counts = new Map<string, number>();
  for (const session of sessions) {
    const label = sessionStatusLabel(session.status);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = [...counts].map(([label, count]) => `${count} ${label.charAt(0).toLowerCase()}${label.slice(1)}`);
  return `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}: ${parts.join(', ')}`;
}
