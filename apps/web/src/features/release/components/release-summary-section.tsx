import { Button } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useReleaseSummary } from '../api/get-release-summary';
import { ReleaseCounter } from './release-counter';

/** On the timeline: the 5-day counter, how many requests wait, and the way to the full study time and release page. */
export function ReleaseSummarySection({ enrolmentId, isCcc }: { enrolmentId: string; isCcc: boolean }) {
  const summary = useReleaseSummary(enrolmentId);
  return (
    <section aria-labelledby="release-heading" className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s" id="release-heading">
          Study time and release
        </h2>
        {summary.isPending ? (
          <Loading label="Loading study time and release" />
        ) : summary.isError ? (
          <ErrorMessage title="Study time and release could not be loaded" error={summary.error}>
            <Button variant="secondary" small onClick={() => void summary.refetch()}>
              Try again
            </Button>
          </ErrorMessage>
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
        <ButtonLink variant="secondary" small to={`/enrolments/${enrolmentId}/release`}>
          {isCcc ? 'Log study time and see your release' : 'See study time and release'}
        </ButtonLink>
      </div>
    </section>
  );
}
