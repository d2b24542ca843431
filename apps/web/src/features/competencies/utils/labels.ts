import type { EvidenceKind, ReviewOutcome } from '@ccc/contracts';
import type { CompetencyState, ProficiencyLevel, TrainingItemKind } from '@ccc/programme';
import type { Tone } from '../../../components/tag';

/** A competency's state in the CCC's words, and the colour of its tag. */
export const COMPETENCY_STATE_LABELS: Record<CompetencyState, string> = {
  not_started: 'Not started',
  working_towards: 'Working towards',
  evidence_submitted: 'Evidence submitted',
  signed_off: 'Signed off',
};

export const COMPETENCY_STATE_TONES: Record<CompetencyState, Tone> = {
  not_started: 'neutral',
  working_towards: 'info',
  evidence_submitted: 'warning',
  signed_off: 'success',
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  reflection: 'Reflection',
  link: 'Link',
  file: 'File',
};

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  signed_off: 'Signed off',
  returned: 'Returned for more evidence',
  withdrawn: 'Sign-off withdrawn',
};

export const TRAINING_ITEM_KIND_LABELS: Record<TrainingItemKind, string> = {
  course: 'Self-directed course',
  group_teaching: 'Monthly group teaching',
  free: 'Other learning',
};

/** "2 of 24 signed off"; the other states are listed only when there are some. */
export function describeCounts(counts: Record<CompetencyState, number>): string {
  const total = counts.not_started + counts.working_towards + counts.evidence_submitted + counts.signed_off;
  const parts = [`${counts.signed_off} of ${total} signed off`];
  if (counts.evidence_submitted > 0) parts.push(`${counts.evidence_submitted} waiting for review`);
  if (counts.working_towards > 0) parts.push(`${counts.working_towards} being worked towards`);
  return parts.join(', ');
}

/** "3 (Competent)" for a rating on the framework's scale; the number alone if the scale no longer has it. */
export function ratingText(rating: number | null, scale: readonly ProficiencyLevel[]): string {
  if (rating === null) return 'Not rated';
  const level = scale.find((l) => l.value === rating);
  return level ? `${rating} (${level.label})` : String(rating);
}

/** 1536 -> "1.5 KB", 2_400_000 -> "2.3 MB": a file's size the way people say it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${round(kb)} KB`;
  return `${round(kb / 1024)} MB`;
}

function round(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/** "Month 3" for a month of the programme. */
export function monthLabel(month: number): string {
  return `Month ${month}`;
}
