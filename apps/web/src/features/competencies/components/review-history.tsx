import type { ReviewView } from '@ccc/contracts';
import { formatDateTime } from '../../../utils/format';
import { REVIEW_OUTCOME_LABELS } from '../utils/labels';

/** Every sign-off, return and withdrawal, oldest first: reviews are never edited, so this is the whole story. */
export function ReviewHistory({ reviews }: { reviews: ReviewView[] }) {
  if (reviews.length === 0) return <p>This competency has not been reviewed yet.</p>;
  return (
    <ol className="nhsuk-list app-history">
      {reviews.map((review) => (
        <li className="app-history__item" key={review.id} data-review-outcome={review.outcome}>
          <p className="nhsuk-u-margin-bottom-1">
            <strong>{REVIEW_OUTCOME_LABELS[review.outcome]}</strong>
            {review.reviewer && ` by ${review.reviewer.fullName}`}
          </p>
          <p className="app-secondary-text nhsuk-u-margin-bottom-2">
            <time dateTime={review.at}>{formatDateTime(review.at)}</time>
          </p>
          <dl className="app-details">
            {review.rating !== null && (
              <div className="app-details__row">
                <dt>Rating</dt>
                <dd>{review.ratingLabel ? `${review.rating} (${review.ratingLabel})` : review.rating}</dd>
              </div>
            )}
            <div className="app-details__row">
              <dt>{review.outcome === 'withdrawn' ? 'Reason' : 'Comment'}</dt>
              <dd className="app-preserve-lines">{review.comment}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
