import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { Details } from '../../../components/details';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiClientError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth';
import { MyOpenActions } from '../../sessions';
import { homeKindFor } from '../../auth';
import { useTimeline } from '../api/get-timeline';
import { EnrolmentSummaryList } from '../components/enrolment-summary';
import { MonthJumpList } from '../components/month-jump-list';
import { MonthSection } from '../components/month-section';
import { CompetenciesSection } from '../../competencies';
import { ExpectationsChecklist } from '../../expectations';
import { EnrolmentAdministration } from '../../admin';
import { MonthSixSection } from '../../month-six';
import { ReleaseSummarySection } from '../../release';
import { SignOffsCount } from '../../sign-offs';
import { AwaitingSignOffsSection } from '../../sign-offs';

function monthInHash(): number | null {
  const match = /^#month-(\d+)$/.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

export function TimelinePage() {
  const { enrolmentId = '' } = useParams();
  const timeline = useTimeline(enrolmentId);
  const me = useMe();
  const [showExpectations, setShowExpectations] = useState(false);
  // Past months the reader opened (or named in the address, "#month-2"); every other past month is one line, so this
  // month is near the top.
  const [openedPast, setOpenedPast] = useState<ReadonlySet<number>>(() => {
    const fromHash = monthInHash();
    return new Set(fromHash === null ? [] : [fromHash]);
  });
  const scrolledFor = useRef<string | null>(null);
  const months = timeline.data?.months;

  // Open at this month (or the month in the address), once per timeline, not on every refetch.
  useEffect(() => {
    if (!months || scrolledFor.current === enrolmentId) return;
    scrolledFor.current = enrolmentId;
    const fromHash = monthInHash();
    const target =
      months.find((month) => month.month === fromHash) ?? months.find((month) => month.state === 'current');
    if (!target) return;
    // After the browser has laid the page out, so the scroll lands on the month where it will stay.
    requestAnimationFrame(() => document.getElementById(`month-${target.month}`)?.scrollIntoView({ block: 'start' }));
  }, [months, enrolmentId]);

  const togglePast = (month: number) =>
    setOpenedPast((opened) => {
      const next = new Set(opened);
      if (next.has(month)) next.delete(month);
      else next.add(month);
      return next;
    });
  const openPast = (month: number) => setOpenedPast((opened) => new Set(opened).add(month));
  const name = timeline.data?.enrolment.ccc.fullName;
  const errorStatus = timeline.isError && isApiClientError(timeline.error) ? timeline.error.status : 0;
  const errorTitle =
    errorStatus === 404
      ? 'Timeline not found'
      : errorStatus === 403
        ? 'You cannot see this timeline'
        : 'The timeline could not be loaded';
  useDocumentTitle(name ? `${name}: programme timeline` : timeline.isError ? errorTitle : 'Programme timeline');

  const showBackLink = me.data ? homeKindFor(me.data.roles) === 'ccc-list' : false;
  const backLink = showBackLink && <BackLink to="/">Back to your CCCs</BackLink>;

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
    return (
      <>
        {backLink}
        <h1>{errorTitle}</h1>
        <ErrorMessage title="There is a problem" error={timeline.error}>
          {errorStatus !== 403 && errorStatus !== 404 && (
            <Button variant="secondary" onClick={() => void timeline.refetch()}>
              Try again
            </Button>
          )}
        </ErrorMessage>
      </>
    );
  }

  const { enrolment, selfDirectedCourses } = timeline.data;
  const sortedMonths = [...timeline.data.months].sort((a, b) => a.month - b.month);

  return (
    <>
      {backLink}
      <PageHeading caption="Programme timeline">{enrolment.ccc.fullName}</PageHeading>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <EnrolmentSummaryList timeline={timeline.data} />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <ReleaseSummarySection enrolmentId={enrolment.id} isCcc={me.data?.id === enrolment.ccc.id} />
        </div>
      </div>

      {me.data?.id === enrolment.ccc.id && (
        <>
          <SignOffsCount />
          <MyOpenActions />
        </>
      )}

      <AwaitingSignOffsSection items={timeline.data.awaitingSignOffs} />

      <CompetenciesSection
        enrolmentId={enrolment.id}
        cccName={enrolment.ccc.fullName}
        isCcc={me.data?.id === enrolment.ccc.id}
      />

      <section aria-labelledby="expectations-heading" className="app-section">
        <h2 id="expectations-heading">Expectations</h2>
        <Details summary="What each party agreed to, and how it is going" onToggle={setShowExpectations}>
          {showExpectations && (
            <ExpectationsChecklist enrolmentId={enrolment.id} cccName={enrolment.ccc.fullName} headingLevel={3} />
          )}
        </Details>
      </section>

      <section aria-labelledby="months-heading" className="app-section">
        <h2 id="months-heading">Month by month</h2>
        {sortedMonths.length === 0 ? (
          <EmptyState title="No months planned" headingLevel={3}>
            <p>The programme template for this cohort has no months yet.</p>
          </EmptyState>
        ) : (
          <>
            <MonthJumpList months={sortedMonths} onJump={openPast} />
            {sortedMonths.map((month) =>
              month.state === 'past' ? (
                <MonthSection
                  key={month.month}
                  month={month}
                  expanded={openedPast.has(month.month)}
                  onToggle={() => togglePast(month.month)}
                />
              ) : (
                <MonthSection key={month.month} month={month} />
              ),
            )}
          </>
        )}
      </section>

      <MonthSixSection enrolment={enrolment} onReload={() => void timeline.refetch()} />

      <EnrolmentAdministration enrolment={enrolment} onReload={() => void timeline.refetch()} />

      <section aria-labelledby="courses-heading" className="app-section">
        <h2 id="courses-heading">Self-directed courses</h2>
        {selfDirectedCourses.length === 0 ? (
          <p>No self-directed courses are set for this programme.</p>
        ) : (
          <>
            <p>Take these online courses at your own pace during the programme.</p>
            <ul>
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
