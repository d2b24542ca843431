import { addCalendarMonths, type IsoDate, programmeEndsBefore } from './months';
import type { Duty, ProgrammeTemplate } from './template';

/*
 * The PCN's duties to its CCC (and the Alliance's own), each attested on its own (#15 item 12). Some can only be
 * true later: follow-on supervision after the first six months, the appraisal at its date (a year into the CCC's
 * employment unless the handover records another date). The template lists them (`duties`).
 */

/** When a duty can first be true; absent: from the start. */
export type AttestableFrom =
  /** The day after this month of the programme ends (follow-on supervision "after 6 months"). */
  | { type: 'after_programme_month'; month: number }
  /** This many calendar months after the CCC's employment start. */
  | { type: 'months_into_employment'; months: number }
  /** The appraisal date the handover records; without one, this many months into the employment (the seed: 12). */
  | { type: 'appraisal'; monthsIntoEmployment: number };

export interface DutyDates {
  cohortStart: IsoDate;
  employmentStart: IsoDate;
  /** The appraisal date agreed at the handover, when recorded. */
  appraisalDate?: IsoDate | null;
}

/** The first date a duty can be attested on, or null when it can be from the start. */
export function attestableFromDate(from: AttestableFrom | undefined, dates: DutyDates): IsoDate | null {
  if (!from) return null;
  switch (from.type) {
    case 'after_programme_month':
      return programmeEndsBefore(dates.cohortStart, from.month);
    case 'months_into_employment':
      return addCalendarMonths(dates.employmentStart, from.months);
    case 'appraisal':
      return dates.appraisalDate ?? addCalendarMonths(dates.employmentStart, from.monthsIntoEmployment);
  }
}

/** The template's duties of one party, in its order (none in versions stored before duties existed). */
export function dutiesOf(template: ProgrammeTemplate, party?: Duty['party']): Duty[] {
  return (template.duties ?? []).filter((d) => !party || d.party === party);
}

export interface DutyAttestationFact {
  key: string;
  attestedOn: IsoDate;
  attestedBy: string;
}

/**
 * A party's duties judged at `today`: those that can be true by the programme's end must be attested by then;
 * later ones (follow-on supervision, the appraisal) are said, not counted.
 */
export function dutyStanding(
  duties: readonly Duty[],
  attested: readonly DutyAttestationFact[],
  dates: DutyDates,
  programmeEndsOn: IsoDate,
): { due: Duty[]; confirmed: Duty[]; later: { duty: Duty; from: IsoDate; confirmed: boolean }[] } {
  const done = new Set(attested.map((a) => a.key));
  const due: Duty[] = [];
  const later: { duty: Duty; from: IsoDate; confirmed: boolean }[] = [];
  for (const duty of duties) {
    const from = attestableFromDate(duty.attestableFrom, dates);
    if (from && from >= programmeEndsOn) later.push({ duty, from, confirmed: done.has(duty.key) });
    else due.push(duty);
  }
  return { due, confirmed: due.filter((d) => done.has(d.key)), later };
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
  cccName: string;
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
): { enrolmentId: string; key: string; recipientId: string; occasion: string; title: string }[] {
  return facts.flatMap((f) => {
    const first = attestableFromDate(f.from, f.dates)!;
    if (f.attested || today < first) return [];
    return f.recipientIds.map((recipientId) => ({
      enrolmentId: f.enrolmentId,
      key: f.key,
      recipientId,
      // Two later duties of one enrolment are two reminders: the occasion names the duty as well as the date.
      occasion: `${f.key}@${first}`,
      title: `${f.cccName}: \u201c${f.title}\u201d can be confirmed now`,
    }));
  });
}
