/** Words for the programme's codes. Every `Record` is exhaustive, so a new kind or status fails the typecheck. */
import type { EnrolmentStatus, EnrolmentSummary, MonthState } from '@ccc/contracts';
import type { ParticipantRole, SessionKind, SessionMode, SessionStatus, Track } from '@ccc/programme';

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  individual: 'Individual supervision',
  group: 'Group supervision',
  joint: 'Joint session with PCN supervisor',
  tna: 'Training needs analysis',
  conference: 'Conference',
  handover: 'Handover and evaluation',
  teaching: 'Group teaching',
};

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  planned: 'Not booked yet',
  scheduled: 'Booked',
  completed: 'Completed',
  cancelled: 'Cancelled',
  missed: 'Missed',
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

/** The tone of a status badge; the text always says the status, the colour only repeats it. */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const SESSION_STATUS_TONES: Record<SessionStatus, BadgeTone> = {
  planned: 'neutral',
  scheduled: 'info',
  completed: 'success',
  cancelled: 'warning',
  missed: 'danger',
};

export function sessionKindLabel(kind: string): string {
  return (SESSION_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function sessionStatusLabel(status: string): string {
  return (SESSION_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function participantRoleLabel(role: string): string {
  return (PARTICIPANT_ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/**
 * "Month 3 of 6" while the programme runs; otherwise why there is no current month.
 * `durationMonths` is optional because the list does not know the template; the timeline does.
 */
export function currentMonthLabel(
  enrolment: Pick<EnrolmentSummary, 'currentMonth' | 'status' | 'cohort'>,
  today: string,
  durationMonths?: number,
): string {
  if (enrolment.status === 'withdrawn') return 'Withdrawn';
  if (enrolment.currentMonth !== null) {
    return durationMonths ? `Month ${enrolment.currentMonth} of ${durationMonths}` : `Month ${enrolment.currentMonth}`;
  }
  if (today < enrolment.cohort.startDate.slice(0, 10)) return 'Not started';
  return 'Finished';
}
