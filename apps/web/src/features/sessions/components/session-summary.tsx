import type { SessionView } from '@ccc/contracts';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { formatDate, formatDateTime, formatDuration, dayBefore } from '../../../utils/format';
import { termsIn } from '../../../utils/glossary';
import { SESSION_MODE_LABELS } from '../../enrolments';

const Row = SummaryRow;

/** When, how long, how and where, and the reasons that explain the session's state. */
export function SessionSummary({ session }: { session: SessionView }) {
  const awaitingPcn = session.status === 'awaiting_pcn';
  return (
    <SummaryList>
      <Row label={awaitingPcn ? 'Time offered' : 'When'}>
        {session.startsAt ? (
          <>
            <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
            <span className="app-secondary-text">UK time</span>
          </>
        ) : session.status === 'planned' ? (
          'To be arranged'
        ) : (
          'No date recorded'
        )}
      </Row>
      {session.proposedStartsAt && (
        <Row label="Time proposed by the PCN supervisor">
          <time dateTime={session.proposedStartsAt}>{formatDateTime(session.proposedStartsAt)}</time>
        </Row>
      )}
      <Row label="Plan month">
        Month {session.month}
        <span className="app-secondary-text">
          {formatDate(session.monthStartsOn)} to {formatDate(dayBefore(session.monthEndsBefore))}
        </span>
      </Row>
      <Row label="Duration">{formatDuration(session.durationMinutes, session.durationRange)}</Row>
      <Row label="Format">
        {SESSION_MODE_LABELS[session.mode] ?? session.mode}
        {session.sharedByCohort && <span className="app-secondary-text">With the whole cohort</span>}
      </Row>
      {session.mode === 'virtual' && session.meetingLink && (
        <Row label="Meeting link">
          <a href={session.meetingLink} target="_blank" rel="noreferrer noopener" className="app-break-anywhere">
            {session.meetingLink}
            <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
          </a>
        </Row>
      )}
      {session.mode === 'face_to_face' && session.place && <Row label="Place">{session.place}</Row>}
      {termsIn(session.title).length > 0 && (
        <Row label="What the title means">
          {termsIn(session.title).map((text) => (
            <p key={text} className="app-secondary-text">
              {text}
            </p>
          ))}
        </Row>
      )}
      <Row label="Led by">{session.lead?.fullName ?? 'Not assigned'}</Row>
      {session.recordedAt && <Row label="Recorded">{formatDateTime(session.recordedAt)}</Row>}
    </SummaryList>
  );
}
