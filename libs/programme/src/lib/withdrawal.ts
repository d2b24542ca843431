import type { SessionStatus } from './booking';
import type { ReleaseStatus } from './release-time';

/*
 * What withdrawing a CCC changes beyond the enrolment itself. Their own sessions and every held session keep their
 * record; they leave only the cohort's meetings still to come, and the release nobody has decided yet is cancelled
 * (the request stays, marked withdrawn, in the history).
 */

/** Statuses of a session that has not been held (or cancelled) yet. */
const NOT_YET_HELD: readonly SessionStatus[] = ['planned', 'awaiting_pcn', 'awaiting_alliance', 'scheduled'];

export interface RegisterPlace {
  /** A cohort meeting (group supervision, teaching, the conference) rather than the CCC's own session. */
  sharedByCohort: boolean;
  status: SessionStatus;
  startsAt: Date | null;
}

/**
 * Does a withdrawal at `withdrawnAt` take the CCC off this session's register? Only a cohort meeting that is still
 * to come: not booked yet, or booked to start after the withdrawal. A meeting already started stays, so its
 * register can be recorded as it was.
 */
export function leavesRegisterOnWithdrawal(place: RegisterPlace, withdrawnAt: Date): boolean {
  if (!place.sharedByCohort || !NOT_YET_HELD.includes(place.status)) return false;
  return place.startsAt === null || place.startsAt.getTime() > withdrawnAt.getTime();
}

/** A release request's status once its CCC is withdrawn: pending ones are cancelled, decisions stand. */
export function releaseStatusOnWithdrawal(status: ReleaseStatus): ReleaseStatus {
  return status === 'pending' ? 'withdrawn' : status;
}

export const RELEASE_WITHDRAWN_REASON = 'Cancelled: the CCC was withdrawn from the programme';

/**
 * Whether a CCC's enrolment belongs on their PCN supervisor's to-do list: only while it runs. A withdrawn or
 * completed (handover signed) enrolment asks nothing more of the PCN; its record stays readable elsewhere.
 */
export function onPcnToDoList(enrolmentStatus: 'active' | 'completed' | 'withdrawn'): boolean {
  return enrolmentStatus === 'active';
}
