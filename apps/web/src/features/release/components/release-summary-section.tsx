import { Link } from 'react-router';
import { useReleaseSummary } from '../api/get-release-summary';
import { ReleaseCounter } from './release-counter';

/** On the timeline: the 5-day counter, how many requests wait, and the way to the full study time and release page. */
export function ReleaseSummarySection({ enrolmentId, isCcc }: { enrolmentId: string; isCcc: boolean }) {
  const summary = useReleaseSummary(enrolmentId);
  return (
    <section aria-labelledby="release-heading" className="section release-summary">
      <h2 id="release-heading">Study time and release</h2>
      {summary.isPending ? (
        <p>Loading study time and release…</p>
      ) : summary.isError ? (
        <p>Study time and release could not be loaded.</p>
      ) : (
        <>
          <ReleaseCounter
            id="timeline-release-counter"
            confirmedMinutes={summary.data.confirmedReleaseMinutes}
            totalMinutes={
              summary.data.rules && Number.isFinite(summary.data.rules.totalReleaseMinutes)
                ? summary.data.rules.totalReleaseMinutes
                : null
            }
            hoursPerDay={summary.data.rules?.hoursPerDay}
          />
          <p>
            {summary.data.pendingCount === 0
              ? 'Nothing is waiting for confirmation.'
              : `${summary.data.pendingCount === 1 ? '1 request is' : `${summary.data.pendingCount} requests are`} waiting for the PCN supervisor to confirm.`}
          </p>
        </>
      )}
      <p>
        <Link className="button button--secondary" to={`/enrolments/${enrolmentId}/release`}>
          {isCcc ? 'Log study time and see your release' : 'See study time and release'}
        </Link>
      </p>
    </section>
  );
}
