import type { EnrolmentSummary, TimelineSession } from '@ccc/contracts';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Loading } from '../../../components/loading';
import { formatDateTime } from '../../../utils/format';
import { getTimelineQueryOptions } from '../../enrolments';
import { SESSION_ACTION_LABELS } from '../../enrolments';

const RESPONSES = ['accept_slot', 'propose_slot'] as const;

interface Waiting {
  session: TimelineSession;
  ccc: string;
}

/**
 * For the PCN supervisor: the joint sessions and handover interviews offered to them and waiting for an answer,
 * found in the timelines of their CCCs (each session once, earliest first).
 */
export function WaitingForYou({ enrolments }: { enrolments: EnrolmentSummary[] }) {
  const timelines = useQueries({ queries: enrolments.map((enrolment) => getTimelineQueryOptions(enrolment.id)) });
  const loading = timelines.some((query) => query.isPending);
  const failed = timelines.some((query) => query.isError);

  const byId = new Map<string, Waiting>();
  for (const query of timelines) {
    if (!query.data) continue;
    for (const month of query.data.months) {
      for (const session of month.sessions) {
        if (session.availableActions.some((action) => (RESPONSES as readonly string[]).includes(action))) {
          byId.set(session.id, { session, ccc: query.data.enrolment.ccc.fullName });
        }
      }
    }
  }
  const waiting = [...byId.values()].sort((a, b) => (a.session.startsAt ?? '').localeCompare(b.session.startsAt ?? ''));

  return (
    <section aria-labelledby="waiting-heading" className="app-section">
      <h2 id="waiting-heading">Waiting for your answer</h2>
      {loading ? (
        <Loading label="Checking for sessions that need your answer" />
      ) : waiting.length === 0 ? (
        <p>{failed ? 'Some timelines could not be checked. ' : ''}No sessions are waiting for your answer.</p>
      ) : (
        <ul className="nhsuk-list app-rows">
          {waiting.map(({ session, ccc }) => (
            <li key={session.id} className="app-rows__item" data-session-id={session.id}>
              <p className="app-rows__what">
                <Link to={`/sessions/${session.id}`}>{session.title}</Link>
                <span className="app-secondary-text">
                  With {ccc}
                  {session.startsAt && (
                    <>
                      {' '}
                      · offered for <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
                    </>
                  )}
                </span>
              </p>
              <div className="nhsuk-button-group">
                {session.availableActions
                  .filter((action) => (RESPONSES as readonly string[]).includes(action))
                  .map((action) => (
                    <Link
                      key={action}
                      className="nhsuk-button nhsuk-button--small"
                      to={`/sessions/${session.id}?action=${action}`}
                    >
                      {SESSION_ACTION_LABELS[action]}
                      <span className="nhsuk-u-visually-hidden">
                        : {session.title} with {ccc}
                      </span>
                    </Link>
                  ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
