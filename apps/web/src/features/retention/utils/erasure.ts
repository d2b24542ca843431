import { MAX_ERASURE_REASON } from '@ccc/programme';
import type { ErasureResult, RetentionRow } from '@ccc/contracts';
import type { Tone } from '../../../components/tag';

export function validateErasureReason(reason: string): string | null {
  if (!reason.trim()) return 'Enter why the personal data is being erased';
  if (reason.length > MAX_ERASURE_REASON) return `The reason must be ${MAX_ERASURE_REASON} characters or fewer`;
  return null;
}

/** Where an enrolment stands, in words and a tag colour. */
export function retentionStateOf(row: Pick<RetentionRow, 'status' | 'due' | 'erasedAt'>): {
  label: string;
  tone: Tone;
} {
  if (row.erasedAt) return { label: 'Erased', tone: 'neutral' };
  if (row.status === 'active') return { label: 'Active', tone: 'info' };
  if (row.due) return { label: 'Due for erasure', tone: 'warning' };
  return { label: 'Kept', tone: 'success' };
}

/** Words for a table name of the erasure's counts: what the administrator recognises, not the database's name. */
const TABLE_WORDS: Record<string, string> = {
  enrolment: 'enrolment record',
  person: 'person (anonymised)',
  competency_evidence: 'pieces of evidence',
  competency_review: 'review comments',
  evidence_file: 'files',
  tna_rating: 'training needs notes',
  training_plan_item: 'training plan items',
  session: 'session notes',
  agreed_action: 'agreed actions',
  release_request: 'release requests',
  attestation: 'attestation notes',
  handover_interview: 'handover record',
  evaluation_response: 'survey free-text answers',
  enrolment_amendment: 'amendments',
  draft: 'unsaved drafts',
  notification: 'reminders',
  outbox_message: 'e-mails',
  action_link: 'answer links',
  calendar_feed: 'calendar links',
  auth_session: 'signed-in sessions',
  role_assignment: 'roles',
  notification_preference: 'reminder choices',
  cohort_supervisor: 'cohort roles',
};

/** "files: 2" lines, in a fixed order, for the result shown after an erasure. */
export function describeErased(result: Pick<ErasureResult, 'erased'>): string[] {
  return Object.entries(result.erased)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, count]) => `${TABLE_WORDS[table] ?? table.replaceAll('_', ' ')}: ${count}`);
}
