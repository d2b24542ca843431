import { addCalendarMonths, type IsoDate, isIsoDate, programmeEndsBefore } from './months';
import type { ProgrammeTemplate, Track } from './template';

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

export interface EligibilityQuestion {
  track: Track;
  employmentStart: IsoDate;
  cohortStart: IsoDate;
  template: Pick<ProgrammeTemplate, 'durationMonths' | 'supervisionEligibilityMonths'>;
}

/**
 * Supervision is for newly employed CCCs (employed at most N months before the cohort starts, N from the
 * template); training is open to any CCC in post while the programme runs.
 */
export function checkEligibility({ track, employmentStart, cohortStart, template }: EligibilityQuestion): Eligibility {
  // Dates are compared as text below, which is only sound for valid YYYY-MM-DD dates.
  if (!isIsoDate(employmentStart)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${employmentStart}`);
  const endsBefore = programmeEndsBefore(cohortStart, template.durationMonths);
  if (employmentStart >= endsBefore) {
    return {
      eligible: false,
      reason: `The CCC starts employment on ${employmentStart}, after the programme ends (${endsBefore}); they cannot join this cohort.`,
    };
  }
  if (track === 'supervision') {
    const months = template.supervisionEligibilityMonths;
    const earliest = addCalendarMonths(cohortStart, -months);
    if (employmentStart < earliest) {
      return {
        eligible: false,
        reason:
          `The supervision track is for CCCs employed within ${months} months before the cohort starts ` +
          `(on or after ${earliest}); this CCC was employed on ${employmentStart}. Enrol them on the training track.`,
      };
    }
  }
  return { eligible: true };
}
