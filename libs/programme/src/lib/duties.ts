import { addCalendarMonths, type IsoDate, programmeEndsBefore } from './months';

/*
 * The PCN's duties to its CCC (and the Alliance's own), each attested on its own (#15 item 12). Some can only be
 * true later: follow-on supervision after the first six months, the appraisal a year into the CCC's employment.
 * NOT WIRED YET: the templates, the attestation endpoint, reminders and the SPA do not read this rule so far.
 */

/** When a duty can first be true; absent: from the start. */
export type AttestableFrom =
  /** The day after this month of the programme ends (follow-on supervision "after 6 months"). */
  | { type: 'after_programme_month'; month: number }
  /** This many calendar months after the CCC's employment start (the 1-year appraisal: 12). */
  | { type: 'months_into_employment'; months: number };

export interface DutyDates {
  cohortStart: IsoDate;
  employmentStart: IsoDate;
}

/** The first date a duty can be attested on, or null when it can be from the start. */
export function attestableFromDate(from: AttestableFrom | undefined, dates: DutyDates): IsoDate | null {
  if (!from) return null;
  return from.type === 'after_programme_month'
    ? programmeEndsBefore(dates.cohortStart, from.month)
    : addCalendarMonths(dates.employmentStart, from.months);
}

/** Why this date cannot be the attestation's, or null: a duty cannot be confirmed as done before it can be true. */
export function attestationDateProblem(
  from: AttestableFrom | undefined,
  dates: DutyDates,
  attestedOn: IsoDate,
): string | null {
  const first = attestableFromDate(from, dates);
  return first && attestedOn < first ? `this can only be confirmed from ${first}` : null;
}

export interface LaterDutyFact {
  enrolmentId: string;
  key: string;
  title: string;
  from: AttestableFrom;
  dates: DutyDates;
  attested: boolean;
  /** Who attests it (the CCC's PCN supervisor, or their Alliance supervisor). */
  recipientIds: readonly string[];
}

/** A reminder for each later duty that can now be true and is not attested; the occasion is the date it became so. */
export function laterDutyReminders(
  facts: readonly LaterDutyFact[],
  today: IsoDate,
): { enrolmentId: string; key: string; recipientId: string; occasion: IsoDate; title: string }[] {
  return facts.flatMap((f) => {
    const first = attestableFromDate(f.from, f.dates)!;
    if (f.attested || today < first) return [];
    return f.recipientIds.map((recipientId) => ({
      enrolmentId: f.enrolmentId,
      key: f.key,
      recipientId,
      occasion: first,
      title: `${f.title}: can be confirmed now`,
    }));
  });
}
