/** The Alliance supervisor's review: sign off with a rating and a comment, or return with a comment. */
import type { ReturnEvidenceRequest, SignOffRequest } from '@ccc/contracts';
import type { ProficiencyLevel } from '@ccc/programme';
import { TEXT_RULES } from '@ccc/contracts';
import { requiredTextError } from '../../../utils/text-rules';

export type ReviewDecision = 'sign_off' | 'return';

export interface ReviewValues {
  decision: ReviewDecision | '';
  /** A level of the scale, as the radio's value. */
  rating: string;
  comment: string;
}

export const EMPTY_REVIEW: ReviewValues = { decision: '', rating: '', comment: '' };

export const reviewFieldIds = {
  decision: 'review-decision',
  rating: 'review-rating',
  comment: 'review-comment',
} as const;

export type ReviewField = keyof typeof reviewFieldIds;
export type ReviewErrors = Partial<Record<ReviewField, string>>;

export function validateReview(values: ReviewValues, scale: readonly ProficiencyLevel[]): ReviewErrors {
  const errors: ReviewErrors = {};
  if (!values.decision) errors.decision = 'Select whether to sign off the competency or return it for more evidence';
  if (values.decision === 'sign_off' && !scale.some((level) => String(level.value) === values.rating)) {
    errors.rating = 'Select a rating';
  }
  const comment = requiredTextError(
    values.comment,
    values.decision === 'return' ? TEXT_RULES.returnEvidenceComment : TEXT_RULES.signOffComment,
    values.decision === 'return'
      ? 'Enter what more evidence is needed'
      : 'Enter a comment saying what the sign-off rests on',
    'comment',
  );
  if (comment) errors.comment = comment;
  return errors;
}

export type ReviewRequest =
  { decision: 'sign_off'; body: SignOffRequest } | { decision: 'return'; body: ReturnEvidenceRequest };

export function toReviewRequest(values: ReviewValues, version: number): ReviewRequest | null {
  const comment = values.comment.trim();
  if (values.decision === 'sign_off')
    return { decision: 'sign_off', body: { rating: Number(values.rating), comment, version } };
  if (values.decision === 'return') return { decision: 'return', body: { comment, version } };
  return null;
}

export function reviewFieldFor(serverField: string): ReviewField | null {
  return serverField === 'rating' || serverField === 'comment' ? serverField : null;
}

export function readReviewDraft(content: unknown): ReviewValues | null {
  if (typeof content !== 'object' || content === null) return null;
  const { decision, rating, comment } = content as Record<string, unknown>;
  if (typeof comment !== 'string') return null;
  return {
    decision: decision === 'sign_off' || decision === 'return' ? decision : '',
    rating: typeof rating === 'string' ? rating : '',
    comment,
  };
}

/** The reason for withdrawing a sign-off. */
export function validateWithdrawal(reason: string): string | null {
  return requiredTextError(reason, TEXT_RULES.withdrawSignOffReason, 'Enter why the sign-off is being withdrawn');
}
