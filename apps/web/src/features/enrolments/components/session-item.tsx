import type { TimelineSession } from '@ccc/contracts';
import { Link } from 'react-router';
import { buttonClass } from '../../../components/button';
import { formatDateTime, formatDuration } from '../../../utils/format';
import {
  SESSION_ACTION_LABELS,
  SESSION_MODE_LABELS,
  attendanceLabel,
  participantRoleLabel,
  sessionKindLabel,
  signOffText,
} from '../utils/labels';
import { StatusBadge } from './status-badge';

function whenText(session: TimelineSession): string {
  if (session.startsAt) return formatDateTime(session.startsAt);
  return session.status === 'planned' ? 'To be arranged' : 'No date recorded';
}

/** Attendance is worth showing once the session has happened, or once someone has marked it. */
function showsAttendance(session: TimelineSession): boolean {
  return session.attendance !== 'expected' || session.status === 'completed';
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="app-details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One session, as an NHS card: what it is, why, its status, when, how long, how and where, who takes part, any reason
 * it is out of its month or cancelled, who signed what, and what the viewer can do with it.
 */
export function SessionItem({ session, monthNumber }: { session: TimelineSession; monthNumber?: number }) {
  const titleId = `session-${session.id}-title`;
  const sessionPath = `/sessions/${session.id}`;
  return (
    <article
      className={`nhsuk-card app-session app-session--${session.kind}`}
      aria-labelledby={titleId}
      data-session-kind={session.kind}
      data-session-id={session.id}
      data-status={session.status}
    >
      <div className="nhsuk-card__content">
        <h4 className="nhsuk-card__heading nhsuk-heading-s" id={titleId}>
          <span className="nhsuk-caption-m app-session__kind">
            {sessionKindLabel(session.kind)}
            <span className="nhsuk-u-visually-hidden">: </span>
          </span>
          {session.title}
        </h4>
        <p>
          <StatusBadge status={session.status} />
        </p>
        {session.purpose && <p>{session.purpose}</p>}
        {session.outOfMonthReason && (
          <div className="nhsuk-inset-text">
            <p>
              <strong>Booked outside {monthNumber ? `month ${monthNumber}` : 'its month'}:</strong>{' '}
              {session.outOfMonthReason}
            </p>
          </div>
        )}
        {session.status === 'cancelled' && session.cancellationReason && (
          <div className="nhsuk-inset-text">
            <p>
              <strong>Cancelled:</strong> {session.cancellationReason}
            </p>
          </div>
        )}
        <dl className="app-details">
          <Detail label={session.status === 'awaiting_pcn' ? 'Time offered' : 'When'}>
            {session.startsAt ? <time dateTime={session.startsAt}>{whenText(session)}</time> : whenText(session)}
            {session.startsAt && <span className="nhsuk-u-visually-hidden"> UK time</span>}
          </Detail>
          {session.proposedStartsAt && (
            <Detail label="PCN proposed">
              <time dateTime={session.proposedStartsAt}>{formatDateTime(session.proposedStartsAt)}</time>
            </Detail>
          )}
          <Detail label="Duration">{formatDuration(session.durationMinutes, session.durationRange)}</Detail>
          <Detail label="Format">
            {SESSION_MODE_LABELS[session.mode] ?? session.mode}
            {session.sharedByCohort && ', with the whole cohort'}
          </Detail>
          {session.mode === 'virtual' && session.meetingLink && session.status !== 'cancelled' && (
            <Detail label="Join">
              <a className="app-break-anywhere" href={session.meetingLink} target="_blank" rel="noreferrer noopener">
                Meeting link<span className="nhsuk-u-visually-hidden"> for {session.title} (opens in a new tab)</span>
              </a>
            </Detail>
          )}
          {session.mode === 'face_to_face' && session.place && <Detail label="Place">{session.place}</Detail>}
          <Detail label="Participants">
            {session.participants.length === 0 ? (
              'None listed'
            ) : (
              <ul className="nhsuk-list">
                {session.participants.map((participant, index) => (
                  <li key={`${participant.role}-${participant.person?.id ?? index}`}>
                    {participantRoleLabel(participant.role)}: {participant.person?.fullName ?? 'Not assigned'}
                  </li>
                ))}
              </ul>
            )}
          </Detail>
          {showsAttendance(session) && <Detail label="Attendance">{attendanceLabel(session.attendance)}</Detail>}
        </dl>
        {session.signOffs.length > 0 && (
          <ul className="nhsuk-list app-sign-offs" aria-label={`Sign-offs for ${session.title}`}>
            {session.signOffs.map((signOff) => (
              <li key={`${signOff.what}-${signOff.at}`}>{signOffText(signOff)}</li>
            ))}
          </ul>
        )}
        <ul className="nhsuk-list app-session__actions">
          {session.availableActions.map((action) => (
            <li key={action}>
              <Link className={buttonClass({ small: true })} to={`${sessionPath}?action=${action}`}>
                {SESSION_ACTION_LABELS[action]}
                <span className="nhsuk-u-visually-hidden">: {session.title}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link to={sessionPath}>
              View details<span className="nhsuk-u-visually-hidden"> of {session.title}</span>
            </Link>
          </li>
        </ul>
      </div>
    </article>
  );
}
