import { can } from '@ccc/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiClientError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth';
import { useTimeline } from '../../enrolments';
import { useReleaseSummary } from '../api/get-release-summary';
import { LogReleaseForm } from '../components/log-release-form';
import { ReleaseCounter } from '../components/release-counter';
import { ReleaseList } from '../components/release-list';
import { StudyChart } from '../components/study-chart';

/**
 * Study time and release for one CCC: the 5-day counter, the 8-week chart, every request with its status; the CCC
 * logs time here and can send their PCN supervisor a link; a PCN supervisor confirms or declines.
 */
export function ReleasePage() {
  const { enrolmentId = '' } = useParams();
  const summary = useReleaseSummary(enrolmentId);
  const timeline = useTimeline(enrolmentId);
  const me = useMe();
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const name = timeline.data?.enrolment.ccc.fullName;
  const error = summary.error ?? timeline.error ?? me.error;
  const errorStatus = isApiClientError(error) ? error.status : 0;
  const errorTitle =
    errorStatus === 403 ? 'You cannot see this record' : errorStatus === 404 ? 'Record not found' : null;
  useDocumentTitle(name ? `${name}: study time and release` : (errorTitle ?? 'Study time and release'));

  const back = <BackLink to={`/enrolments/${enrolmentId}`}>Back to the timeline</BackLink>;

  if (summary.isPending || timeline.isPending || me.isPending) {
    return (
      <>
        {back}
        <h1>Study time and release</h1>
        <Loading label="Loading study time and release" />
      </>
    );
  }
  if (error || !summary.data || !timeline.data || !me.data) {
    return (
      <>
        {back}
        <h1>{errorTitle ?? 'Study time and release'}</h1>
        <ErrorMessage title="There is a problem" error={error}>
          {errorStatus !== 403 && errorStatus !== 404 && (
            <Button
              variant="secondary"
              onClick={() => {
                void summary.refetch();
                void timeline.refetch();
                void me.refetch();
              }}
            >
              Try again
            </Button>
          )}
        </ErrorMessage>
      </>
    );
  }

  const { enrolment } = timeline.data;
  const cccName = enrolment.ccc.fullName;
  const roles = me.data.roles.map(({ role }) => role);
  const isCcc = me.data.id === enrolment.ccc.id;
  const canDecide = can(roles, 'release:decide');
  const canLog = isCcc && can(roles, 'release:log');
  const { rules, weeks, requests, confirmedReleaseMinutes, pendingCount } = summary.data;
  const done = (text: string) => setMessage((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));
  const pending = requests.filter((r) => r.status === 'pending');
  const decided = requests.filter((r) => r.status !== 'pending');

  return (
    <>
      {back}
      <PageHeading caption={cccName}>Study time and release</PageHeading>
      <p className="nhsuk-body-l">
        {isCcc ? 'Your PCN' : 'The PCN'} agrees to release {isCcc ? 'you' : cccName}{' '}
        {rules
          ? `${rules.weeklyStudyMinutes.min / 60} to ${rules.weeklyStudyMinutes.max / 60} hours a week for study, and up to ${
              Math.round((rules.totalReleaseMinutes / 60 / rules.hoursPerDay) * 100) / 100
            } days for supervisions and training.`
          : 'for study, supervisions and training.'}{' '}
        {pendingCount === 0
          ? 'Nothing is waiting for confirmation.'
          : `${pendingCount === 1 ? '1 request is' : `${pendingCount} requests are`} waiting for confirmation.`}
      </p>

      {message && (
        <Confirmation key={message.key} title="Done">
          <p>{message.text}</p>
        </Confirmation>
      )}

      <div className="nhsuk-grid-row">
        <section aria-labelledby="counter-heading" className="nhsuk-grid-column-one-half app-section">
          <h2 className="nhsuk-heading-m" id="counter-heading">
            Release for supervision and training
          </h2>
          <ReleaseCounter
            id="release-counter"
            confirmedMinutes={confirmedReleaseMinutes}
            totalMinutes={rules && Number.isFinite(rules.totalReleaseMinutes) ? rules.totalReleaseMinutes : null}
            hoursPerDay={rules?.hoursPerDay}
          />
        </section>
        <section aria-labelledby="study-heading" className="nhsuk-grid-column-one-half app-section">
          <h2 className="nhsuk-heading-m" id="study-heading">
            Protected study time
          </h2>
          <StudyChart
            id="study-chart"
            weeks={weeks}
            band={rules?.weeklyStudyMinutes ?? null}
            title={isCcc ? 'Your confirmed study time' : `${cccName}’s confirmed study time`}
          />
        </section>
      </div>

      {canLog && (
        <section aria-labelledby="log-heading" className="app-section nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2 id="log-heading">Log study time or a training day</h2>
            <LogReleaseForm enrolmentId={enrolmentId} onDone={done} />
          </div>
        </section>
      )}

      <section aria-labelledby="pending-heading" className="app-section">
        <h2 id="pending-heading">Waiting for confirmation</h2>
        {pending.length === 0 ? (
          <p>Nothing is waiting for confirmation.</p>
        ) : (
          <ReleaseList
            requests={pending}
            cccName={cccName}
            isCcc={isCcc}
            canDecide={canDecide}
            canSendLink={!canDecide}
            onDone={done}
          />
        )}
      </section>

      <section aria-labelledby="decided-heading" className="app-section">
        <h2 id="decided-heading">Confirmed and declined</h2>
        <ReleaseList
          requests={decided}
          cccName={cccName}
          isCcc={isCcc}
          canDecide={false}
          canSendLink={false}
          onDone={done}
        />
      </section>
    </>
  );
}
