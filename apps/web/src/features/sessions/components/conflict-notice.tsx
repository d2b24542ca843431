import { Link } from 'react-router';
import type { SessionConflict } from '../../../lib/api-client';
import { formatDateTime } from '../../../utils/format';
import { formatEndTime } from '../../../utils/london-time';

/** The session a booking would clash with, linked so the person can look at it. */
export function ConflictNotice({ conflict, canOverride }: { conflict: SessionConflict; canOverride: boolean }) {
  return (
    <div className="nhsuk-card nhsuk-card--warning" role="alert" aria-labelledby="conflict-title">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" id="conflict-title">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          This time clashes with another session
        </h3>
        <p>
          <Link to={`/sessions/${conflict.sessionId}`}>{conflict.title}</Link> is on{' '}
          <time dateTime={conflict.startsAt}>{formatDateTime(conflict.startsAt)}</time>
          {conflict.durationMinutes > 0 && <> to {formatEndTime(conflict.startsAt, conflict.durationMinutes)}</>}.
        </p>
        <p>
          {canOverride
            ? 'Choose another time, or say below why both sessions should go ahead at the same time.'
            : 'Choose another time.'}
        </p>
      </div>
    </div>
  );
}
