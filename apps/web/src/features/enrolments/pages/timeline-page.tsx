import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { isApiClientError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth/api/get-me';
import { homeKindFor } from '../../auth/utils/roles';
import { useTimeline } from '../api/get-timeline';
import { EnrolmentSummaryList } from '../components/enrolment-summary';
import { MonthSection } from '../components/month-section';
import { ExpectationsChecklist } from '../../expectations/components/expectations-checklist';
import { ReleaseSummarySection } from '../../release/components/release-summary-section';

export function TimelinePage() {
  const { enrolmentId = '' } = useParams();
  const timeline = useTimeline(enrolmentId);
  const me = useMe();
  const [showExpectations, setShowExpectations] = useState(false);
  const name = timeline.data?.enrolment.ccc.fullName;
  useDocumentTitle(name ? `${name}: programme timeline` : 'Programme timeline');

  const showBackLink = me.data ? homeKindFor(me.data.roles) === 'ccc-list' : false;
  const backLink = showBackLink && (
    <p>
      <Link className="back-link" to="/">
        Back to your CCCs
      </Link>
    </p>
  );

  if (timeline.isPending) {
    return (
      <>
        {backLink}
        <h1>Programme timeline</h1>
        <Loading label="Loading the timeline" />
      </>
    );
  }

  if (timeline.isError) {
    const status = isApiClientError(timeline.error) ? timeline.error.status : 0;
    const title =
      status === 404
        ? 'Timeline not found'
        : status === 403
          ? 'You cannot see this timeline'
          : 'The timeline could not be loaded';
    return (
      <>
        {backLink}
        <h1>{title}</h1>
        <ErrorMessage title="There is a problem" error={timeline.error}>
          {status !== 403 && status !== 404 && (
            <button className="button button--secondary" type="button" onClick={() => void timeline.refetch()}>
              Try again
            </button>
          )}
        </ErrorMessage>
      </>
    );
  }

  const { enrolment, months, selfDirectedCourses } = timeline.data;
  const sortedMonths = [...months].sort((a, b) => a.month - b.month);

  return (
    <>
      {backLink}
      <div className="page-heading">
        <span className="page-heading__caption">Programme timeline</span>
        <h1>{enrolment.ccc.fullName}</h1>
      </div>
      <EnrolmentSummaryList timeline={timeline.data} />

      <ReleaseSummarySection enrolmentId={enrolment.id} isCcc={me.data?.id === enrolment.ccc.id} />

      <section aria-labelledby="expectations-heading" className="section">
        <h2 id="expectations-heading">Expectations</h2>
        <details className="disclosure" onToggle={(event) => setShowExpectations(event.currentTarget.open)}>
          <summary className="disclosure__summary">What each party agreed to, and how it is going</summary>
          <div className="disclosure__body">
            {showExpectations && (
              <ExpectationsChecklist enrolmentId={enrolment.id} cccName={enrolment.ccc.fullName} headingLevel={3} />
            )}
          </div>
        </details>
      </section>

      <section aria-labelledby="months-heading" className="months">
        <h2 id="months-heading">Month by month</h2>
        {sortedMonths.length === 0 ? (
          <EmptyState title="No months planned" headingLevel={3}>
            <p>The programme template for this cohort has no months yet.</p>
          </EmptyState>
        ) : (
          sortedMonths.map((month) => <MonthSection key={month.month} month={month} />)
        )}
      </section>

      <section aria-labelledby="courses-heading" className="courses">
        <h2 id="courses-heading">Self-directed courses</h2>
        {selfDirectedCourses.length === 0 ? (
          <p>No self-directed courses are set for this programme.</p>
        ) : (
          <>
            <p>Take these online courses at your own pace during the programme.</p>
            <ul className="course-list">
              {selfDirectedCourses.map((course) => (
                <li key={course.key}>{course.title}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
