import type { TimelineMonth } from '@ccc/contracts';
import { Tag } from '../../../components/tag';
import { dayBefore, formatDate } from '../../../utils/format';
import { MONTH_STATE_LABELS } from '../utils/labels';
import { MonthSignOffs } from '../../sign-offs/components/timeline-sign-offs';
import { SessionItem } from './session-item';

/** One programme month: dates, a "This month" tag, the teaching topic and the sessions. */
export function MonthSection({ month }: { month: TimelineMonth }) {
  const headingId = `month-${month.month}-heading`;
  const lastDay = dayBefore(month.endsBefore);
  const isCurrent = month.state === 'current';
  return (
    <section
      className={`app-month app-month--${month.state}`}
      aria-labelledby={headingId}
      id={`month-${month.month}`}
      data-month={month.month}
      data-state={month.state}
    >
      <h3 className="nhsuk-heading-m app-month__title" id={headingId}>
        Month {month.month}
        {isCurrent && (
          <>
            <span className="nhsuk-u-visually-hidden">, </span> <Tag tone="info">This month</Tag>
          </>
        )}
      </h3>
      <p className="app-secondary-text">
        <time dateTime={month.startsOn}>{formatDate(month.startsOn)}</time> to{' '}
        <time dateTime={lastDay}>{formatDate(lastDay)}</time>
        {!isCurrent && <> · {MONTH_STATE_LABELS[month.state]}</>}
      </p>

      <p>
        <strong>Group teaching topic:</strong> {month.teachingTopic ?? 'No group teaching this month'}
      </p>

      {month.sessions.length === 0 ? (
        <p>No sessions this month.</p>
      ) : (
        <ul className="nhsuk-list app-card-list" aria-label={`Sessions in month ${month.month}`}>
          {month.sessions.map((session) => (
            <li key={session.id}>
              <SessionItem session={session} monthNumber={month.month} />
            </li>
          ))}
        </ul>
      )}
      <MonthSignOffs month={month.month} events={month.signOffEvents} />
    </section>
  );
}
