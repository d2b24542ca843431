import { draftKeys, type CompetencyDetailResponse } from '@ccc/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { Card } from '../../../components/card';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { ErrorMessage } from '../../../components/error-message';
import { InsetText } from '../../../components/inset-text';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { WarningCallout } from '../../../components/warning-callout';
import { isApiClientError } from '../../../lib/api-client';
import { formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth';
import { useCompetency } from '../api/get-competency';
import { useCompetencyGrid } from '../api/get-competency-grid';
import { CompetencyStateTag } from '../components/competency-state-tag';
import { EvidenceList } from '../components/evidence-list';
import { NextToReview } from '../components/next-to-review';
import { ReviewForm } from '../components/review-form';
import { ReviewHistory } from '../components/review-history';
import { ScaleDetails } from '../components/scale-details';
import { StartCompetency } from '../components/start-competency';
import { SubmitEvidenceForm } from '../components/submit-evidence-form';
import { WithdrawSignOffForm } from '../components/withdraw-sign-off-form';
import { DraftGate } from '../drafts/draft-gate';
import { formatDay } from '../utils/dates';

interface Done {
  title: string;
  detail: string | null;
  key: number;
  /** A sign-off or return by the reviewer: the next evidence waiting is offered. */
  reviewed?: boolean;
}

/** What the CCC reads when a competency came back to them: the reviewer's comment, or why a sign-off went. */
function ReturnedNotice({ detail }: { detail: CompetencyDetailResponse }) {
  const review = detail.progress.latestReview;
  if (detail.progress.state !== 'working_towards' || !review || review.outcome === 'signed_off') return null;
  return (
    <WarningCallout
      headingLevel={2}
      heading={review.outcome === 'returned' ? 'Returned for more evidence' : 'Sign-off withdrawn'}
    >
      <p className="app-preserve-lines">{review.comment}</p>
      <p className="app-secondary-text">
        {review.reviewer ? `${review.reviewer.fullName}, ` : ''}
        <time dateTime={review.at}>{formatDateTime(review.at)}</time>
      </p>
    </WarningCallout>
  );
}

function SignOffCard({ detail }: { detail: CompetencyDetailResponse }) {
  const signOff = detail.progress.signOff;
  if (!signOff) return null;
  return (
    <Card heading="Signed off">
      <SummaryList noBorder>
        <SummaryRow label="Rating">
          {signOff.rating}
          {signOff.ratingLabel && ` (${signOff.ratingLabel})`}
        </SummaryRow>
        <SummaryRow label="Signed off by">{signOff.reviewer?.fullName ?? 'Unknown'}</SummaryRow>
        <SummaryRow label="Date">
          <time dateTime={signOff.at}>{formatDay(signOff.at)}</time>
        </SummaryRow>
        <SummaryRow label="Comment">
          <span className="app-preserve-lines">{signOff.comment}</span>
        </SummaryRow>
      </SummaryList>
    </Card>
  );
}

/**
 * One competency of a CCC: what it asks and what good evidence looks like, the evidence given, and the next step
 * for whoever is reading: the CCC adds evidence, their Alliance supervisor reviews it or withdraws a sign-off.
 */
export function CompetencyPage() {
  const { enrolmentId = '', code = '' } = useParams();
  // A fresh page (forms, drafts, confirmation) for each competency, even when only the address changes.
  return <CompetencyView key={`${enrolmentId}:${code}`} enrolmentId={enrolmentId} code={code} />;
}

function CompetencyView({ enrolmentId, code }: { enrolmentId: string; code: string }) {
  const competency = useCompetency(enrolmentId, code);
  const me = useMe();
  // Whose competency it is: the detail does not say, the grid (usually cached already) does.
  const grid = useCompetencyGrid(enrolmentId);
  const [done, setDone] = useState<Done | null>(null);
  const errorStatus = competency.isError && isApiClientError(competency.error) ? competency.error.status : 0;
  const errorTitle =
    errorStatus === 404
      ? 'Competency not found'
      : errorStatus === 403
        ? 'You cannot see this competency'
        : 'The competency could not be loaded';
  useDocumentTitle(
    competency.data
      ? `${competency.data.competency.title}: competency`
      : competency.isError
        ? errorTitle
        : 'Competency',
  );
  const backLink = <BackLink to={`/enrolments/${enrolmentId}/competencies`}>Back to the competencies</BackLink>;

  if (competency.isPending || me.isPending) {
    return (
      <>
        {backLink}
        <h1>Competency</h1>
        <Loading label="Loading the competency" />
      </>
    );
  }
  if (competency.isError || me.isError) {
    return (
      <>
        {backLink}
        <h1>{competency.isError ? errorTitle : 'Your details could not be loaded'}</h1>
        <ErrorMessage title="There is a problem" error={competency.error ?? me.error}>
          {errorStatus !== 403 && errorStatus !== 404 && (
            <Button
              variant="secondary"
              onClick={() => {
                void competency.refetch();
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

  const view = competency.data;
  const personId = me.data.id;
  const actions = view.progress.availableActions;
  const canReview = actions.includes('sign_off') || actions.includes('return');
  const finish = (title: string, detail: string | null) => setDone({ title, detail, key: Date.now() });
  const reload = () => void competency.refetch();

  return (
    <>
      {backLink}
      {done && (
        <Confirmation key={done.key} title={done.title}>
          {done.detail && <p>{done.detail}</p>}
          {done.reviewed && <NextToReview enrolmentId={enrolmentId} code={code} />}
          <p>
            <Link to={`/enrolments/${enrolmentId}/competencies`}>Go to the competencies</Link>
          </p>
        </Confirmation>
      )}
      <PageHeading
        caption={[grid.data?.ccc.fullName, view.domain.title, view.competency.code].filter(Boolean).join(' · ')}
      >
        {view.competency.title}
      </PageHeading>
      <p>
        <CompetencyStateTag state={view.progress.state} />
        {view.progress.since && (
          <span className="app-secondary-text">
            Since <time dateTime={view.progress.since}>{formatDay(view.progress.since)}</time>
          </span>
        )}
      </p>
      <ReturnedNotice detail={view} />
      <SignOffCard detail={view} />

      <p className="nhsuk-body-l app-preserve-lines">{view.competency.description}</p>
      {view.competency.frameworkWording && (
        // Signed off against the words above; a later framework version words it differently.
        <InsetText>
          <p>
            Signed off against the wording above. Framework version {view.framework.version} now words it:{' '}
            <strong>{view.competency.frameworkWording.title}</strong>
          </p>
          <p className="app-preserve-lines">{view.competency.frameworkWording.description}</p>
        </InsetText>
      )}
      <section aria-labelledby="guidance-heading" className="app-section">
        <h2 id="guidance-heading">What good evidence looks like</h2>
        <InsetText>
          <p className="app-preserve-lines">{view.competency.evidenceGuidance}</p>
        </InsetText>
      </section>

      <section aria-labelledby="evidence-heading" className="app-section">
        <h2 id="evidence-heading">Evidence</h2>
        <EvidenceList evidence={view.evidence} enrolmentId={view.enrolmentId} code={view.competency.code} />
      </section>

      {actions.includes('start') && (
        <section aria-labelledby="start-heading" className="app-section">
          <h2 id="start-heading">Working towards this competency</h2>
          <StartCompetency detail={view} onDone={() => finish('Marked as working towards', null)} />
        </section>
      )}

      {actions.includes('submit_evidence') && (
        <section aria-labelledby="add-evidence-heading" className="app-section" id="add-evidence">
          <h2 id="add-evidence-heading">Add evidence</h2>
          <DraftGate draftKey={draftKeys.evidence(enrolmentId, view.competency.code)} personId={personId}>
            {(starting) => (
              <SubmitEvidenceForm
                detail={view}
                draftKey={draftKeys.evidence(enrolmentId, view.competency.code)}
                personId={personId}
                starting={starting}
                onDone={finish}
              />
            )}
          </DraftGate>
        </section>
      )}

      {canReview && (
        <section aria-labelledby="review-heading" className="app-section" id="review">
          <h2 id="review-heading">Review the evidence</h2>
          <ScaleDetails scale={view.scale} />
          <DraftGate draftKey={draftKeys.review(enrolmentId, view.competency.code)} personId={personId}>
            {(starting) => (
              <ReviewForm
                detail={view}
                draftKey={draftKeys.review(enrolmentId, view.competency.code)}
                personId={personId}
                starting={starting}
                onDone={(title, detail) => setDone({ title, detail, key: Date.now(), reviewed: true })}
                onReload={reload}
              />
            )}
          </DraftGate>
        </section>
      )}

      {actions.includes('withdraw_sign_off') && (
        <section aria-labelledby="withdraw-heading" className="app-section">
          <h2 id="withdraw-heading">Withdraw the sign-off</h2>
          <Details summary="The sign-off should not stand">
            <WithdrawSignOffForm detail={view} onDone={finish} onReload={reload} />
          </Details>
        </section>
      )}

      <section aria-labelledby="history-heading" className="app-section">
        <h2 id="history-heading">Sign-offs and returns</h2>
        <ReviewHistory reviews={view.reviews} />
      </section>
    </>
  );
}
