import type { DurationRange, ParticipantRole, ProgrammeTemplate, SessionKind, SessionMode, Track } from './template';

/** A session the template plans for a CCC, before anyone books a date. */
export interface PlannedSession {
  /** Plan item key, or `teaching-m<N>` for a month's group teaching. */
  planItemKey: string;
  month: number;
  kind: SessionKind;
  title: string;
  purpose: string;
  participants: ParticipantRole[];
  durationMinutes: DurationRange;
  mode: SessionMode;
  sharedByCohort: boolean;
}

export function teachingKey(month: number): string {
  return `teaching-m${month}`;
}

/**
 * The sessions one CCC on this track is planned to have, month by month. Group teaching is for both tracks and,
 * like group supervision, is one meeting for the cohort.
 */
export function plannedSessions(template: ProgrammeTemplate, track: Track): PlannedSession[] {
  const fromPlan: PlannedSession[] = template.plan
    .filter((item) => item.tracks.includes(track))
    .map(({ key, month, kind, title, purpose, participants, durationMinutes, mode, sharedByCohort }) => ({
      planItemKey: key,
      month,
      kind,
      title,
      purpose,
      participants,
      durationMinutes,
      mode,
      sharedByCohort,
    }));
  const teaching: PlannedSession[] = template.teaching.map((t) => ({
    planItemKey: teachingKey(t.month),
    month: t.month,
    kind: 'teaching',
    title: `Group teaching: ${t.topic}`,
    purpose: t.topic,
    participants: ['ccc', 'alliance_supervisor'],
    durationMinutes: t.durationMinutes,
    mode: t.mode,
    sharedByCohort: true,
  }));
  return [...fromPlan, ...teaching].sort((a, b) => a.month - b.month);
}
