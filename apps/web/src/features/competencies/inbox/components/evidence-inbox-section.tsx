import { can } from '@ccc/contracts';
import { Link } from 'react-router';
import { Button } from '../../../../components/button';
import { ErrorMessage } from '../../../../components/error-message';
import { Loading } from '../../../../components/loading';
import { useMe } from '../../../auth';
import { useInbox } from '../api/get-inbox';
import { AwaitingReviewTable } from './awaiting-review-table';

/** On the Alliance supervisor's home: the oldest evidence waiting for their review, and the way to the rest. */
export function EvidenceInboxSection({ limit = 5 }: { limit?: number }) {
  const me = useMe();
  const reviewer = can(me.data?.roles.map(({ role }) => role) ?? [], 'competency:review');
  const inbox = useInbox(reviewer);
  const waiting = inbox.data?.awaitingReview ?? [];
  // Only the Alliance supervisor signs off; an administrator's caseload has nothing to review.
  if (!reviewer) return null;
  return (
    <section aria-labelledby="evidence-inbox-heading" className="app-section">
      <h2 id="evidence-inbox-heading">Evidence waiting for review</h2>
      {inbox.isPending ? (
        <Loading label="Loading the evidence waiting for review" />
      ) : inbox.isError ? (
        <ErrorMessage title="The evidence waiting for review could not be loaded" error={inbox.error}>
          <Button variant="secondary" onClick={() => void inbox.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : waiting.length === 0 ? (
        <p>Nothing is waiting for your review. You will be told when a CCC sends evidence.</p>
      ) : (
        <>
          <p>
            {waiting.length === 1
              ? '1 competency has evidence waiting for your review.'
              : `${waiting.length} competencies have evidence waiting for your review, oldest first.`}
          </p>
          <AwaitingReviewTable
            items={waiting.slice(0, limit)}
            caption="Evidence waiting for your review, oldest first"
          />
          {waiting.length > limit && (
            <p>
              <Link to="/evidence-to-review">See all {waiting.length} waiting for review</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
