import type { TimelineSession } from '@ccc/contracts';
import { formatDateTime, formatDuration } from '../../../utils/format';
import { SESSION_MODE_LABELS, participantRoleLabel, sessionKindLabel } from '../utils/labels';
import { StatusBadge } from './status-badge';

function whenText(session: TimelineSession): string {
  if (session.startsAt) return formatDateTime(session.startsAt);
  return session.status === 'planned' ? 'To be arranged' : 'No date recorded';
}

/** One session: what it is, why, its status, when, how long, how, and who takes part. */
export function SessionItem({ session }: { session: TimelineSession }) {
  const titleId = `session-${session.id}-title`;
  return (
    <article className={`session session--${session.kind}`} aria-labelledby={titleId} data-session-kind={session.kind}>
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
      <dl className="session__details">
        <div>
          <dt>When</dt>
          <dd>
            {session.startsAt ? <time dateTime={session.startsAt}>{whenText(session)}</time> : whenText(session)}
            {session.startsAt && <span className="visually-hidden"> UK time</span>}
          </dd>
        </div>
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
      </dl>
    </article>
  );
}
