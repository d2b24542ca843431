import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { type IsoDate, monthBounds } from './months';
import type { ProgrammeTemplate, Track } from './template';

/*
 * When the handover and evaluation interview opens: in its plan month (template data), never before. Signing it
 * completes and locks the enrolment, so a handover signed in month 3 would leave months 3–6 never held.
 */

/** The plan month of the handover interview for this track (or the supervision track's), else the last month. */
export function handoverMonth(template: ProgrammeTemplate, track: Track): number {
  const items = template.plan.filter((item) => item.kind === 'handover');
  const item = items.find((i) => i.tracks.includes(track)) ?? items.find((i) => i.tracks.includes('supervision'));
  return item?.month ?? template.durationMonths;
}

/** The first day (London) the handover may be signed: the first day of its plan month. */
export function handoverOpensOn(template: ProgrammeTemplate, track: Track, cohortStart: IsoDate): IsoDate {
  return monthBounds(cohortStart, handoverMonth(template, track)).startsOn;
}

/** Why the handover cannot be signed yet on `today`, or null once its month has come. */
export function handoverNotOpenYet(
  template: ProgrammeTemplate,
  track: Track,
  cohortStart: IsoDate,
  today: IsoDate,
): string | null {
  const opensOn = handoverOpensOn(template, track, cohortStart);
  if (today >= opensOn) return null;
  const day = format(new TZDate(`${opensOn}T12:00:00Z`, 'UTC'), 'd MMM yyyy');
  return `The handover and evaluation interview opens in month ${handoverMonth(template, track)}, on ${day}: it can be signed from then`;
}
