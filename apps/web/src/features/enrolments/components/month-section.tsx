import type { TimelineMonth } from '@ccc/contracts';
import { Tag } from '../../../components/tag';
import { dayBefore, formatDate } from '../../../utils/format';
import { MONTH_STATE_LABELS, monthSessionsSummary } from '../utils/labels';
import { MonthSignOffs } from '../../sign-offs';
import { SessionItem } from './session-item';

interface MonthSectionProps {
  month: TimelineMonth;
  /** Whether the month's sessions show; a past month starts as one line so this month is near the top. */
  expanded?: boolean;
  /** Given for a month that can be collapsed (past months): the heading becomes a show/hide button. */
  onToggle?: () => void;
}

/** One programme month: dates, a "This month" tag, the teaching topic and the sessions. */
export function MonthSection({ month, expanded = true, onToggle }: MonthSectionProps) {
  const headingId = `month-${month.month}-heading`;
  const bodyId = `month-${month.month}-body`;
  const lastDay = dayBefore(month.endsBefore);
  const isCurrent = month.state === 'current';
  const collapsible = onToggle !== undefined;
  const title = (
    <>
      Month {month.month}
      {isCurrent && (
        <>
          <span className="nhsuk-u-visually-hidden">, </span> <Tag tone="info">This month</Tag>
        </>
      )}
    </>
  );
  return (
    <section
      className={`app-month app-month--${month.state}${collapsible && !expanded ? ' app-month--collapsed' : ''}`}
      aria-labelledby={headingId}
      id={`month-${month.month}`}
      data-month={month.month}
      data-state={month.state}
      data-expanded={expanded ? 'true' : 'false'}
    >
      <h3 className="nhsuk-heading-m app-month__title" id={headingId}>
        {collapsible ? (
          // The WAI-ARIA accordion pattern: a button inside the heading, so it stays in the heading outline.
          <button
            type="button"
            className="app-month__toggle"
            aria-expanded={expanded}
            aria-controls={bodyId}
            onClick={onToggle}
          >
            {title}
            <span className="nhsuk-u-visually-hidden">{expanded ? ': hide sessions' : ': show sessions'}</span>
          </button>
        ) : (
          title
        )}
      </h3>
      <p className="app-secondary-text app-month__dates">
        <time dateTime={month.startsOn}>{formatDate(month.startsOn)}</time> to{' '}
        <time dateTime={lastDay}>{formatDate(lastDay)}</time>
        {!isCurrent && <> · {MONTH_STATE_LABELS[month.state]}</>}
        {collapsible && !expanded && <> · {monthSessionsSummary(month.sessions)}</>}
      </p>

      <div id={bodyId} hidden={!expanded}>
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
      </div>
    </section>
  );
}
