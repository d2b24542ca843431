import type { AwaitedSignOffView } from '@ccc/contracts';
import { SIGN_OFF_KIND_LABELS, type SignOffEvent } from '@ccc/programme';
import { Link } from 'react-router';
import { Tag } from '../../../components/tag';
import { formatDateTime } from '../../../utils/format';
import { PARTY_LABELS, signOffPath, waitedText } from '../utils/links';

/** The sign-offs given in one month of a CCC's timeline, oldest first, each with who, when and a link to its record. */
export function MonthSignOffs({ month, events }: { month: number; events: SignOffEvent[] }) {
  if (events.length === 0) return null;
  return (
    <>
      <h4 className="nhsuk-heading-s" id={`month-${month}-sign-offs`}>
        Signed in month {month}
      </h4>
      <ul className="nhsuk-list app-sign-off-list" aria-labelledby={`month-${month}-sign-offs`}>
        {events.map((event) => (
          <li key={event.key} data-sign-off={event.key}>
            <strong>{SIGN_OFF_KIND_LABELS[event.kind]}:</strong>{' '}
            <Link to={signOffPath(event.link)}>{event.summary}</Link>
            {event.reason && <> ({event.reason})</>}
            <span className="app-secondary-text">
              {event.by?.fullName ?? 'Someone no longer named'},{' '}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** On the timeline: what awaits whom in this enrolment, oldest first; the viewer's own to do are marked. */
export function AwaitingSignOffsSection({ items }: { items: AwaitedSignOffView[] }) {
  return (
    <section aria-labelledby="awaiting-sign-offs-heading" className="app-section">
      <h2 id="awaiting-sign-offs-heading">Waiting for sign-off</h2>
      {items.length === 0 ? (
        <p>Nothing is waiting for anyone&rsquo;s sign-off.</p>
      ) : (
        <ul className="nhsuk-list app-sign-off-list" aria-labelledby="awaiting-sign-offs-heading">
          {items.map((item) => (
            <li key={item.key} data-awaiting={item.key}>
              <Link to={signOffPath(item.link)}>{item.summary}</Link>{' '}
              {item.yours ? <Tag tone="warning">Yours to do</Tag> : <>— waiting on {PARTY_LABELS[item.awaiting]}</>}
              <span className="app-secondary-text">
                Month {item.month}, waiting {item.waitedDays === 0 ? 'since today' : waitedText(item.waitedDays)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/sign-offs">All your sign-offs</Link>
      </p>
    </section>
  );
}
