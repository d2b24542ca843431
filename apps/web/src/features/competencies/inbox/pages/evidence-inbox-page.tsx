import { Button } from '../../../../components/button';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorMessage } from '../../../../components/error-message';
import { Loading } from '../../../../components/loading';
import { useDocumentTitle } from '../../../../utils/use-document-title';
import { useInbox } from '../api/get-inbox';
import { AwaitingReviewTable } from '../components/awaiting-review-table';

/** The Alliance supervisor's sign-off inbox: every competency with evidence waiting for them, oldest first. */
export function EvidenceInboxPage() {
  useDocumentTitle('Evidence to review');
  const inbox = useInbox();
  const waiting = inbox.data?.awaitingReview ?? [];
  return (
    <>
      <h1>Evidence to review</h1>
      {inbox.isPending ? (
        <Loading label="Loading the evidence waiting for review" />
      ) : inbox.isError ? (
        <ErrorMessage title="The evidence waiting for review could not be loaded" error={inbox.error}>
          <Button variant="secondary" onClick={() => void inbox.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : waiting.length === 0 ? (
        <EmptyState title="Nothing is waiting for your review">
          <p>When a CCC you supervise sends evidence for a competency, it will be listed here, oldest first.</p>
        </EmptyState>
      ) : (
        <>
          <p className="nhsuk-body-l">
            {waiting.length === 1
              ? '1 competency has evidence waiting for your review.'
              : `${waiting.length} competencies have evidence waiting for your review.`}{' '}
            The one waiting longest is first. Select a competency to read the evidence and sign it off or return it.
          </p>
          <AwaitingReviewTable items={waiting} caption="Evidence waiting for your review, oldest first" />
        </>
      )}
    </>
  );
}
