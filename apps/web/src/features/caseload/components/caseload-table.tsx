import type { CaseloadRow } from '@ccc/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Tag, type Tone } from '../../../components/tag';
import { formatDateTime, todayInLondon } from '../../../utils/format';
import { currentMonthLabel } from '../../enrolments';

/** A count that needs attention is a tag in the colour of its meaning; nought is just "0". */
function Count({ value, tone }: { value: number; tone?: Extract<Tone, 'danger' | 'warning'> }) {
  if (value === 0 || !tone) return <>{value}</>;
  return <Tag tone={tone}>{value}</Tag>;
}

/** A cell with its column's name beside the value, shown where a phone stacks the rows (NHS responsive table). */
function Cell({
  heading,
  numeric,
  zero,
  className,
  children,
}: {
  heading: string;
  numeric?: boolean;
  /** A count of nought: left out of the compact row on a phone, where only what needs attention shows. */
  zero?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <td
      className={[numeric ? 'nhsuk-table__cell nhsuk-table__cell--numeric' : 'nhsuk-table__cell', className]
        .filter(Boolean)
        .join(' ')}
      data-zero={zero || undefined}
    >
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      <span>{children}</span>
    </td>
  );
}

const COUNT_COLUMNS = [
  'Unbooked',
  'Awaiting',
  'Upcoming',
  'Overdue',
  'Not held: never booked',
  'Did not attend',
  'Release declined',
] as const;

/**
 * One row per CCC, in the order given: where their sessions stand, and the next one, with links to the timeline and
 * the session.
 */
export function CaseloadTable({ rows, caption }: { rows: CaseloadRow[]; caption: string }) {
  const today = todayInLondon();
  return (
    <table className="nhsuk-table-responsive app-caseload">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            CCC
          </th>
          <th className="nhsuk-table__header" scope="col">
            PCN
          </th>
          <th className="nhsuk-table__header" scope="col">
            Month
          </th>
          {COUNT_COLUMNS.map((column) => (
            <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col" key={column}>
              {column}
            </th>
          ))}
          <th className="nhsuk-table__header" scope="col">
            Next session
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row) => (
          <tr className="nhsuk-table__row" key={row.enrolment.id} data-enrolment-id={row.enrolment.id}>
            <th className="nhsuk-table__header" scope="row">
              <Link to={`/enrolments/${row.enrolment.id}`}>
                {row.enrolment.ccc.fullName}
                <span className="nhsuk-u-visually-hidden">: view timeline</span>
              </Link>
            </th>
            <Cell heading="PCN" className="app-caseload__plain">
              {row.enrolment.pcn.name}
            </Cell>
            <Cell heading="Month" className="app-caseload__plain">
              {currentMonthLabel(row.enrolment, today)}
            </Cell>
            <Cell heading="Unbooked" numeric zero={row.unbooked === 0}>
              <Count value={row.unbooked} tone="warning" />
            </Cell>
            <Cell heading="Awaiting" numeric zero={row.awaiting === 0}>
              <Count value={row.awaiting} />
            </Cell>
            <Cell heading="Upcoming" numeric zero={row.upcoming === 0}>
              <Count value={row.upcoming} />
            </Cell>
            <Cell heading="Overdue" numeric zero={row.overdue === 0}>
              <Count value={row.overdue} tone="danger" />
            </Cell>
            <Cell heading="Not held: never booked" numeric zero={row.notHeld === 0}>
              <Count value={row.notHeld} tone="warning" />
            </Cell>
            <Cell heading="Did not attend" numeric zero={row.didNotAttend === 0}>
              <Count value={row.didNotAttend} tone="danger" />
            </Cell>
            <Cell heading="Release declined" numeric zero={row.releaseDeclined === 0}>
              <Count value={row.releaseDeclined} tone="warning" />
            </Cell>
            <Cell heading="Next session" className="app-caseload__next">
              {row.next ? (
                <>
                  <Link to={`/sessions/${row.next.id}`}>{row.next.title}</Link>
                  <span className="app-secondary-text">
                    <time dateTime={row.next.startsAt}>{formatDateTime(row.next.startsAt)}</time>
                  </span>
                </>
              ) : (
                'None booked'
              )}
              {row.toBook && (
                <Link
                  className="app-caseload__book"
                  to={`/sessions/${row.toBook.id}?action=book`}
                  data-book-session={row.toBook.id}
                >
                  Book next
                  <span className="nhsuk-u-visually-hidden">
                    : {row.toBook.title}, month {row.toBook.month}, for {row.enrolment.ccc.fullName}
                  </span>
                </Link>
              )}
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
