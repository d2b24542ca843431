import { addCalendarDays, addCalendarMonths, type IsoDate, londonDate, programmeEndsBefore } from './months';

/*
 * Retention and erasure of a CCC's personal data. An enrolment that has ended (completed or withdrawn) is kept for
 * the period its Alliance sets, then its personal data is erased; it may also be erased earlier, on request. What
 * the cohort report counts stays, so the Alliance's figures do not change when a person is forgotten.
 */

/** Years an ended enrolment's personal data is kept, when the Alliance has set nothing else. */
export const DEFAULT_RETENTION_YEARS = 6;

/** The reason recorded when the retention job erases an enrolment. */
export const RETENTION_ENDED_REASON = 'retention period ended';

/** What is left of erased free text where the column must hold something (a check constraint, a required field). */
export const ERASED_TEXT = '[erased]';

export const MAX_ERASURE_REASON = 2000;

export type RetentionEnrolmentStatus = 'active' | 'completed' | 'withdrawn';

export interface RetentionFacts {
  status: RetentionEnrolmentStatus;
  /** When it was completed or withdrawn. */
  statusChangedAt: Date | null;
  cohortStart: IsoDate;
  durationMonths: number;
  erasedAt: Date | null;
}

export interface RetentionState {
  /** The day the enrolment ended; null while it is active. */
  endedOn: IsoDate | null;
  /** The first day its personal data is no longer kept; null while it is active. */
  retentionEndsOn: IsoDate | null;
  /** Ended, not erased, and the retention period is over. */
  due: boolean;
  erased: boolean;
}

/**
 * The day an enrolment ended, in London: the day it was completed or withdrawn. One without that date (an import,
 * an old record) counts as ended with its programme, on the last day of its last month: never earlier than it did.
 */
export function enrolmentEndedOn(facts: Omit<RetentionFacts, 'erasedAt'>): IsoDate | null {
  if (facts.status === 'active') return null;
  if (facts.statusChangedAt) return londonDate(facts.statusChangedAt);
  return addCalendarDays(programmeEndsBefore(facts.cohortStart, facts.durationMonths), -1);
}

/** The first day after `years` whole years from the day the enrolment ended (29 February → 28 February). */
export function retentionEndsOn(endedOn: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`Retention must be whole years: ${years}`);
  return addCalendarMonths(endedOn, years * 12);
}

export function retentionState(facts: RetentionFacts, years: number, today: IsoDate): RetentionState {
  const endedOn = enrolmentEndedOn(facts);
  const endsOn = endedOn ? retentionEndsOn(endedOn, years) : null;
  const erased = facts.erasedAt !== null;
  return { endedOn, retentionEndsOn: endsOn, due: !erased && endsOn !== null && today >= endsOn, erased };
}

/**
 * Why this enrolment's personal data cannot be erased on request, or null when it can. Only an ended enrolment
 * is erased: an active one is still being delivered, and its records are still being written.
 */
export function erasureRefusal(facts: Pick<RetentionFacts, 'status' | 'erasedAt'>): string | null {
  if (facts.erasedAt) return `This enrolment's personal data was already erased on ${londonDate(facts.erasedAt)}`;
  if (facts.status === 'active')
    return 'This enrolment is still active: withdraw it, or wait until it is completed, before erasing its personal data';
  return null;
}
