import { describe, expect, it } from '@jest/globals';
import { EMPTY_REVIEW, readReviewDraft, toReviewRequest, validateReview, validateWithdrawal } from './review-form';

const scale = [
  { value: 1, label: 'Aware', description: '' },
  { value: 2, label: 'Competent', description: '' },
];

describe('the review form', () => {
  it('needs a decision, a rating to sign off, and a comment', () => {
    expect(validateReview(EMPTY_REVIEW, scale)).toEqual({
      decision: 'Select whether to sign off the competency or return it for more evidence',
      comment: 'Enter a comment saying what the sign-off rests on',
    });
    expect(validateReview({ decision: 'sign_off', rating: '', comment: 'Good audit' }, scale)).toEqual({
      rating: 'Select a rating',
    });
    expect(validateReview({ decision: 'sign_off', rating: '9', comment: 'Good audit' }, scale).rating).toBeDefined();
    expect(validateReview({ decision: 'return', rating: '', comment: '' }, scale)).toEqual({
      comment: 'Enter what more evidence is needed',
    });
    expect(validateReview({ decision: 'return', rating: '', comment: 'Add the audit results' }, scale)).toEqual({});
  });

  it('makes a sign-off or a return with the version read', () => {
    expect(toReviewRequest({ decision: 'sign_off', rating: '2', comment: ' Solid ' }, 4)).toEqual({
      decision: 'sign_off',
      body: { rating: 2, comment: 'Solid', version: 4 },
    });
    expect(toReviewRequest({ decision: 'return', rating: '2', comment: 'More please' }, 4)).toEqual({
      decision: 'return',
      body: { comment: 'More please', version: 4 },
    });
    expect(toReviewRequest(EMPTY_REVIEW, 4)).toBeNull();
  });

  it('reads back a saved draft', () => {
    expect(readReviewDraft({ decision: 'return', rating: '', comment: 'More' })).toEqual({
      decision: 'return',
      rating: '',
      comment: 'More',
    });
    expect(readReviewDraft({ decision: 'nonsense', comment: 'x' })).toEqual({ decision: '', rating: '', comment: 'x' });
    expect(readReviewDraft(null)).toBeNull();
  });

  it('needs a reason to withdraw a sign-off', () => {
    expect(validateWithdrawal(' ')).toBe('Enter why the sign-off is being withdrawn');
    expect(validateWithdrawal('Signed off on the wrong CCC')).toBeNull();
  });
});
