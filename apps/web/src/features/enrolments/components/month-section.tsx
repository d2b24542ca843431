import type { TimelineMonth } from '@ccc/contracts';
import { dayBefore, formatDate } from '../../../utils/format';
import { MONTH_STATE_LABELS } from '../utils/labels';
import { SessionItem } from './session-item';

/** One programme month: dates, a "This month" marker, the teaching topic and the sessions. */
export function MonthSection({ month }: { month: TimelineMonth }) {
  const headingId = `month-${month.month}-heading`;
  const lastDay = dayBefore(month.endsBefore);
  const isCurrent = month.state === 'current';
  return (
    <section
      className={`month month--${month.state}`}
      aria-labelledby={headingId}
      id={`month-${month.month}`}
      data-month={month.month}
      data-state={month.state}
    >
      <div className="month__header">
        <h3 className="month__title" id={headingId}>
          Month {month.month}
          {isCurrent && (
            <>
              <span className="visually-hidden">, </span>
              <span className="tag tag--current">This month</span>
            </>
          )}
        </h3>
        <p className="month__dates">
          <time dateTime={month.startsOn}>{formatDate(month.startsOn)}</time> to{' '}
          <time dateTime={lastDay}>{formatDate(lastDay)}</time>
          {!isCurrent && <span className="month__state"> · {MONTH_STATE_LABELS[month.state]}</span>}
        </p>
      </div>

      <p className="month__teaching">
        <span className="month__teaching-label">Group teaching topic: </span>
        {month.teachingTopic ?? 'No group teaching this month'}
      </p>

      {month.sessions.length === 0 ? (
        <p className="month__empty">No sessions this month.</p>
      ) : (
        <ul className="session-list" aria-label={`Sessions in month ${month.month}`}>
          {month.sessions.map((session) => (
            <li key={session.id}>
              <SessionItem session={session} monthNumber={month.month} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
