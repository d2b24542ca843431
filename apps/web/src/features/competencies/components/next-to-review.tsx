import type { InboxItem } from '@ccc/contracts';
import { Link } from 'react-router';
import { useInbox } from '../inbox/api/get-inbox';

/** The oldest evidence still waiting, other than the competency just reviewed (the inbox lists the oldest first). */
export function nextToReview(items: readonly InboxItem[], enrolmentId: string, code: string): InboxItem | null {
  return items.find((item) => !(item.enrolmentId === enrolmentId && item.competency.code === code)) ?? null;
}

/**
 * After a sign-off or a return, the next evidence waiting for the supervisor's review, one click away; or that none
 * is left. Nothing while the inbox loads or when it cannot be read.
 */
export function NextToReview({ enrolmentId, code }: { enrolmentId: string; code: string }) {
  const inbox = useInbox();
  if (!inbox.isSuccess) return null;
  const waiting = inbox.data.awaitingReview.filter(
    (item) => !(item.enrolmentId === enrolmentId && item.competency.code === code),
  );
  const next = nextToReview(inbox.data.awaitingReview, enrolmentId, code);
  if (!next) return <p>No other evidence is waiting for your review.</p>;
  return (
    <p>
      <Link to={`/enrolments/${next.enrolmentId}/competencies/${encodeURIComponent(next.competency.code)}`}>
        Next evidence to review: {next.ccc.fullName}, {next.competency.code} {next.competency.title}
      </Link>
      <span className="app-secondary-text">
        {waiting.length === 1 ? '1 left to review' : `${waiting.length} left to review`}
      </span>
    </p>
  );
}
