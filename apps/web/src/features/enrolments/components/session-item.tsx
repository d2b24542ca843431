import type { TimelineSession } from '@ccc/contracts';
import { Link } from 'react-router';
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

/**
 * One session: what it is, why, its status, when, how long, how and where, who takes part, any reason it is out of
 * its month or cancelled, and links to what the viewer can do with it.
 */
export function SessionItem({ session, monthNumber }: { session: TimelineSession; monthNumber?: number }) {
  const titleId = `session-${session.id}-title`;
  const sessionPath = `/sessions/${session.id}`;
  return (
    <article
      className={`session session--${session.kind}`}
      aria-labelledby={titleId}
      data-session-kind={session.kind}
      data-session-id={session.id}
      data-status={session.status}
    >
      <h4 className="session__title" id={titleId}>
        <span className="session__kind">
          {sessionKindLabel(session.kind)}
          <span className="visually-hidden">: </span>
        </span>
        {session.title}
      </h4>
      <p className="session__status">
        <StatusBadge status={session.status} />
      </p>
      {session.purpose && <p className="session__purpose">{session.purpose}</p>}
      {session.outOfMonthReason && (
        <p className="session__note">
          <strong>Booked outside {monthNumber ? `month ${monthNumber}` : 'its month'}:</strong>{' '}
          {session.outOfMonthReason}
        </p>
      )}
      {session.status === 'cancelled' && session.cancellationReason && (
        <p className="session__note">
          <strong>Cancelled:</strong> {session.cancellationReason}
        </p>
      )}
      <dl className="session__details">
        <div>
          <dt>{session.status === 'awaiting_pcn' ? 'Time offered' : 'When'}</dt>
          <dd>
            {session.startsAt ? <time dateTime={session.startsAt}>{whenText(session)}</time> : whenText(session)}
            {session.startsAt && <span className="visually-hidden"> UK time</span>}
          </dd>
        </div>
        {session.proposedStartsAt && (
          <div>
            <dt>PCN proposed</dt>
            <dd>
              <time dateTime={session.proposedStartsAt}>{formatDateTime(session.proposedStartsAt)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(session.durationMinutes, session.durationRange)}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>
            {SESSION_MODE_LABELS[session.mode] ?? session.mode}
            {session.sharedByCohort && ', with the whole cohort'}
          </dd>
        </div>
        {session.mode === 'virtual' && session.meetingLink && session.status !== 'cancelled' && (
          <div>
            <dt>Join</dt>
            <dd>
              <a className="break-anywhere" href={session.meetingLink} target="_blank" rel="noreferrer noopener">
                Meeting link<span className="visually-hidden"> for {session.title} (opens in a new tab)</span>
              </a>
            </dd>
          </div>
        )}
        {session.mode === 'face_to_face' && session.place && (
          <div>
            <dt>Place</dt>
            <dd>{session.place}</dd>
          </div>
        )}
        <div>
          <dt>Participants</dt>
          <dd>
            {session.participants.length === 0 ? (
              'None listed'
            ) : (
              <ul className="session__participants">
                {session.participants.map((participant, index) => (
                  <li key={`${participant.role}-${participant.person?.id ?? index}`}>
                    <span className="session__participant-role">{participantRoleLabel(participant.role)}:</span>{' '}
                    {participant.person?.fullName ?? 'Not assigned'}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {showsAttendance(session) && (
          <div>
            <dt>Attendance</dt>
            <dd>{attendanceLabel(session.attendance)}</dd>
          </div>
        )}
      </dl>
      {session.signOffs.length > 0 && (
        <ul className="session__sign-offs" aria-label={`Sign-offs for ${session.title}`}>
          {session.signOffs.map((signOff) => (
            <li key={`${signOff.what}-${signOff.at}`}>{signOffText(signOff)}</li>
          ))}
        </ul>
      )}
      <ul className="session__links">
        {session.availableActions.map((action) => (
          <li key={action}>
            <Link className="button button--small" to={`${sessionPath}?action=${action}`}>
              {SESSION_ACTION_LABELS[action]}
              <span className="visually-hidden">: {session.title}</span>
            </Link>
          </li>
        ))}
        <li>
          <Link className="session__view-link" to={sessionPath}>
            View details<span className="visually-hidden"> of {session.title}</span>
          </Link>
        </li>
      </ul>
    </article>
  );
}
