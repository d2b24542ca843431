import type { AgendaItem } from '@ccc/contracts';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { todayInLondon } from '../../../utils/format';
import { addDays, formatEndTime, formatTime } from '../../../utils/london-time';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { StatusBadge } from '../../enrolments/components/status-badge';
import { SESSION_MODE_LABELS, sessionKindLabel } from '../../enrolments/utils/labels';
import { useAgenda } from '../api/get-agenda';
import { groupByDay, weekFromParam, weekLabel } from '../utils/agenda-week';

function AgendaEntry({ item }: { item: AgendaItem }) {
  const titleId = `agenda-${item.id}-title`;
  return (
    <article className="agenda-item" aria-labelledby={titleId} data-session-id={item.id}>
      <p className="agenda-item__time">
        <time dateTime={item.startsAt}>{formatTime(item.startsAt)}</time> to{' '}
        {formatEndTime(item.startsAt, item.durationMinutes)}
      </p>
      <div className="agenda-item__body">
        <h3 className="agenda-item__title" id={titleId}>
          <Link to={`/sessions/${item.id}`}>{item.title}</Link>
        </h3>
        <p className="agenda-item__meta">
          {sessionKindLabel(item.kind)} · {SESSION_MODE_LABELS[item.mode] ?? item.mode}
          {item.mode === 'face_to_face' && item.place && <> at {item.place}</>}
          {item.cccs.length > 0 && (
            <> · {item.sharedByCohort ? `${item.cccs.length} CCCs` : item.cccs.map((ccc) => ccc.fullName).join(', ')}</>
          )}
        </p>
        <p className="agenda-item__status">
          <StatusBadge status={item.status} />
          {item.mode === 'virtual' && item.meetingLink && item.status !== 'cancelled' && (
            <a className="agenda-item__join" href={item.meetingLink} target="_blank" rel="noreferrer noopener">
              Join<span className="visually-hidden"> {item.title} (opens in a new tab)</span>
            </a>
          )}
        </p>
      </div>
    </article>
  );
}

/** The caller's week, Monday to Sunday in UK time, with the weeks before and after a click away. */
export function AgendaPage() {
  const [searchParams] = useSearchParams();
  const today = todayInLondon();
  const monday = weekFromParam(searchParams.get('week'), today);
  const agenda = useAgenda(monday, 7);
  const label = weekLabel(monday);
  const thisWeek = weekFromParam(null, today);
  useDocumentTitle(`Agenda: ${label}`);

  return (
    <>
      <div className="page-heading">
        <span className="page-heading__caption">Your agenda</span>
        <h1>Week of {label}</h1>
      </div>
      <nav className="pager" aria-label="Weeks">
        <Link className="pager__link" to={`/agenda?week=${addDays(monday, -7)}`}>
          Previous week
        </Link>
        {monday !== thisWeek && (
          <Link className="pager__link" to="/agenda">
            This week
          </Link>
        )}
        <Link className="pager__link" to={`/agenda?week=${addDays(monday, 7)}`}>
          Next week
        </Link>
      </nav>
      <p className="hint">Times are UK time. Sessions offered but not yet accepted are shown with their status.</p>

      {agenda.isPending ? (
        <Loading label="Loading your agenda" />
      ) : agenda.isError ? (
        <ErrorMessage title="Your agenda could not be loaded" error={agenda.error}>
          <button className="button button--secondary" type="button" onClick={() => void agenda.refetch()}>
            Try again
          </button>
        </ErrorMessage>
      ) : agenda.data.length === 0 ? (
        <EmptyState title="Nothing booked this week">
          <p>You have no sessions between {label}.</p>
        </EmptyState>
      ) : (
        <ol className="agenda" aria-label={`Days of the week of ${label}`}>
          {groupByDay(monday, agenda.data).map((day) => (
            <li key={day.date} className={day.date === today ? 'agenda-day agenda-day--today' : 'agenda-day'}>
              <h2 className="agenda-day__heading" id={`day-${day.date}`}>
                {day.heading}
                {day.date === today && <span className="tag tag--current">Today</span>}
              </h2>
              {day.items.length === 0 ? (
                <p className="agenda-day__empty">No sessions.</p>
              ) : (
                <ul className="agenda-day__items" aria-labelledby={`day-${day.date}`}>
                  {day.items.map((item) => (
                    <li key={item.id}>
                      <AgendaEntry item={item} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
