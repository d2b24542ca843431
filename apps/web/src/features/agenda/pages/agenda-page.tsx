import type { AgendaItem } from '@ccc/contracts';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { Tag } from '../../../components/tag';
import { todayInLondon } from '../../../utils/format';
import { addDays, formatEndTime, formatTime } from '../../../utils/london-time';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { StatusBadge } from '../../enrolments';
import { SESSION_MODE_LABELS, sessionKindLabel } from '../../enrolments';
import { useAgenda } from '../api/get-agenda';
import { groupByDay, weekFromParam, weekLabel } from '../utils/agenda-week';

function AgendaEntry({ item }: { item: AgendaItem }) {
  const titleId = `agenda-${item.id}-title`;
  return (
    <article className="nhsuk-card app-agenda-item" aria-labelledby={titleId} data-session-id={item.id}>
      <div className="nhsuk-card__content">
        <p className="app-agenda-item__time">
          <time dateTime={item.startsAt}>{formatTime(item.startsAt)}</time> to{' '}
          {formatEndTime(item.startsAt, item.durationMinutes)}
        </p>
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={titleId}>
          <Link to={`/sessions/${item.id}`}>{item.title}</Link>
        </h3>
        <p className="app-secondary-text">
          {sessionKindLabel(item.kind)} · {SESSION_MODE_LABELS[item.mode] ?? item.mode}
          {item.mode === 'face_to_face' && item.place && <> at {item.place}</>}
          {item.cccs.length > 0 && (
            <> · {item.sharedByCohort ? `${item.cccs.length} CCCs` : item.cccs.map((ccc) => ccc.fullName).join(', ')}</>
          )}
        </p>
        <p className="app-agenda-item__status">
          <StatusBadge status={item.status} />
          {item.mode === 'virtual' && item.meetingLink && item.status !== 'cancelled' && (
            <a href={item.meetingLink} target="_blank" rel="noreferrer noopener">
              Join<span className="nhsuk-u-visually-hidden"> {item.title} (opens in a new tab)</span>
            </a>
          )}
        </p>
      </div>
    </article>
  );
}

/** Previous and next week, in the NHS pagination pattern, and back to this week when elsewhere. */
function WeekPager({ monday, thisWeek }: { monday: string; thisWeek: string }) {
  const previous = addDays(monday, -7);
  const next = addDays(monday, 7);
  return (
    <nav className="nhsuk-pagination" aria-label="Weeks">
      <ul className="nhsuk-list nhsuk-pagination__list">
        <li className="nhsuk-pagination-item--previous">
          <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={`/agenda?week=${previous}`}>
            <span className="nhsuk-pagination__title">Previous week</span>
            <span className="nhsuk-u-visually-hidden">:</span>
            <span className="nhsuk-pagination__page">{weekLabel(previous)}</span>
            <ArrowIcon direction="left" />
          </Link>
        </li>
        <li className="nhsuk-pagination-item--next">
          <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={`/agenda?week=${next}`}>
            <span className="nhsuk-pagination__title">Next week</span>
            <span className="nhsuk-u-visually-hidden">:</span>
            <span className="nhsuk-pagination__page">{weekLabel(next)}</span>
            <ArrowIcon direction="right" />
          </Link>
        </li>
      </ul>
      {monday !== thisWeek && (
        <p>
          <Link to="/agenda">Back to this week</Link>
        </p>
      )}
    </nav>
  );
}

function ArrowIcon({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg
      className={`nhsuk-icon nhsuk-icon--arrow-${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      {direction === 'left' ? (
        <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z" />
      ) : (
        <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z" />
      )}
    </svg>
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
      <PageHeading caption="Your agenda">Week of {label}</PageHeading>
      <WeekPager monday={monday} thisWeek={thisWeek} />
      <p className="nhsuk-hint">
        Times are UK time. Sessions offered but not yet accepted are shown with their status.
      </p>

      {agenda.isPending ? (
        <Loading label="Loading your agenda" />
      ) : agenda.isError ? (
        <ErrorMessage title="Your agenda could not be loaded" error={agenda.error}>
          <Button variant="secondary" onClick={() => void agenda.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : agenda.data.length === 0 ? (
        <EmptyState title="Nothing booked this week">
          <p>You have no sessions between {label}.</p>
        </EmptyState>
      ) : (
        <ol className="nhsuk-list app-agenda" aria-label={`Days of the week of ${label}`}>
          {groupByDay(monday, agenda.data).map((day) => (
            <li
              key={day.date}
              className={day.date === today ? 'app-agenda-day app-agenda-day--today' : 'app-agenda-day'}
            >
              <h2 className="nhsuk-heading-s app-agenda-day__heading" id={`day-${day.date}`}>
                {day.heading}
                {day.date === today && (
                  <>
                    {' '}
                    <Tag tone="info">Today</Tag>
                  </>
                )}
              </h2>
              {day.items.length === 0 ? (
                <p className="app-secondary-text">No sessions.</p>
              ) : (
                <ul className="nhsuk-list app-card-list" aria-labelledby={`day-${day.date}`}>
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
