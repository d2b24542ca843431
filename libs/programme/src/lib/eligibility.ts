import { addCalendarDays, addCalendarMonths, type IsoDate, isIsoDate, programmeEndsBefore } from './months';
import type { ProgrammeTemplate, Track } from './template';

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

/**
 * The seed's "newly employed (including those employed within the last 4 months)": employment may start up to the
 * end of the cohort's first month, for templates that do not say otherwise.
 */
export const SUPERVISION_ELIGIBILITY_MONTHS_AFTER = 1;

export interface EligibilityQuestion {
  track: Track;
  employmentStart: IsoDate;
  cohortStart: IsoDate;
  template: Pick<
    ProgrammeTemplate,
    'durationMonths' | 'supervisionEligibilityMonths' | 'supervisionEligibilityMonthsAfter'
  >;
}

/** The employment starts the supervision track takes: from `earliest` to before `endsBefore`. */
export function supervisionWindow(
  cohortStart: IsoDate,
  template: EligibilityQuestion['template'],
): { earliest: IsoDate; endsBefore: IsoDate } {
  const after = template.supervisionEligibilityMonthsAfter ?? SUPERVISION_ELIGIBILITY_MONTHS_AFTER;
  return {
    earliest: addCalendarMonths(cohortStart, -template.supervisionEligibilityMonths),
    endsBefore: addCalendarMonths(cohortStart, after),
  };
}

/**
 * Supervision is for newly employed CCCs (employment starting in a window around the cohort start, both ends from
 * the template); training is open to any CCC in post while the programme runs.
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
    const window = supervisionWindow(cohortStart, template);
    if (employmentStart < window.earliest || employmentStart >= window.endsBefore) {
      const last = addCalendarDays(window.endsBefore, -1);
      const after = template.supervisionEligibilityMonthsAfter ?? SUPERVISION_ELIGIBILITY_MONTHS_AFTER;
      const afterText = after === 0 ? '' : after === 1 ? ' or in its first month' : ` or in its first ${after} months`;
      return {
        eligible: false,
        reason:
          `The supervision track is for newly employed CCCs: employment starting from ${window.earliest} to ${last} ` +
          `(within ${months} months before the cohort starts on ${cohortStart}${afterText}); ` +
          `this CCC's employment starts on ${employmentStart}. Enrol them on the training track.`,
      };
    }
  }
  return { eligible: true };
}
