import { type Competency, type CompetencyFramework, type CompetencyState, competenciesOf } from './competencies';

/*
 * A cohort works towards the framework version it started with. A newer version is taken on only by a cohort that
 * has not started yet, or by an administrator's explicit move, which first lists what changes; a competency
 * already signed off keeps the wording it was signed against.
 */

/** The words of a competency a person reads and signs against. */
export interface CompetencyWording {
  title: string;
  description: string;
}

export const wordingOf = (competency: Pick<Competency, 'title' | 'description'>): CompetencyWording => ({
  title: competency.title,
  description: competency.description,
});

/** Does importing a newer version of its framework move this cohort along? Only one that has not started. */
export function importMovesCohort(cohortStart: string, today: string): boolean {
  return cohortStart > today;
}

export interface FrameworkChanges {
  added: { code: string; title: string }[];
  /** `recordedFor`: how many CCCs of the cohort have progress or TNA ratings against it (the move is refused). */
  removed: { code: string; title: string; recordedFor: number }[];
  /** `signedOffFor`: how many CCCs signed it off already; they keep the wording they signed. */
  reworded: { code: string; from: CompetencyWording; to: CompetencyWording; signedOffFor: number }[];
  unchanged: number;
}

/** One CCC's record against one competency code, for listing what a move changes. */
export interface RecordedCompetency {
  enrolmentId: string;
  code: string;
  state: CompetencyState | 'tna_rated';
}

/** What moving a cohort from one framework version to another changes, competency by competency (by code). */
export function frameworkChanges(
  from: CompetencyFramework,
  to: CompetencyFramework,
  recorded: readonly RecordedCompetency[],
): FrameworkChanges {
  const before = new Map(competenciesOf(from).map((c) => [c.code, c]));
  const after = new Map(competenciesOf(to).map((c) => [c.code, c]));
  const ccc = (code: string, test: (r: RecordedCompetency) => boolean) =>
    new Set(recorded.filter((r) => r.code === code && test(r)).map((r) => r.enrolmentId)).size;
  const changes: FrameworkChanges = { added: [], removed: [], reworded: [], unchanged: 0 };
  for (const [code, competency] of after) if (!before.has(code)) changes.added.push({ code, title: competency.title });
  for (const [code, old] of before) {
    const next = after.get(code);
    if (!next) {
      changes.removed.push({ code, title: old.title, recordedFor: ccc(code, () => true) });
      continue;
    }
    if (old.title === next.title && old.description === next.description) {
      changes.unchanged++;
      continue;
    }
    changes.reworded.push({
      code,
      from: wordingOf(old),
      to: wordingOf(next),
      signedOffFor: ccc(code, (r) => r.state === 'signed_off'),
    });
  }
  return changes;
}

/** Competencies a move would leave with a record pointing at nothing: the move is refused while any remain. */
export const blockingRemovals = (changes: FrameworkChanges) => changes.removed.filter((r) => r.recordedFor > 0);

/**
 * The wording a CCC sees for a competency: the wording signed, once signed off (even if a later version rewords
 * it), otherwise the framework's current wording.
 */
export function wordingShown(
  current: Pick<Competency, 'title' | 'description'>,
  signed: CompetencyWording | null | undefined,
): CompetencyWording {
  return signed ? { title: signed.title, description: signed.description } : wordingOf(current);
}
