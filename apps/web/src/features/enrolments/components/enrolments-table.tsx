import type { EnrolmentSummary } from '@ccc/contracts';
import { Link } from 'react-router';
import { formatDate, todayInLondon } from '../../../utils/format';
import { TRACK_LABELS, currentMonthLabel } from '../utils/labels';

interface EnrolmentsTableProps {
  enrolments: EnrolmentSummary[];
  caption: string;
}

function personName(person: { fullName: string } | null): string {
  return person?.fullName ?? 'Not assigned';
}

/** The column's name beside each value, where a phone stacks the table's rows (NHS responsive table). */
function Cell({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <td className="nhsuk-table__cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      <span>{children}</span>
    </td>
  );
}

const COLUMNS = ['PCN', 'Cohort', 'Track', 'Current month', 'Alliance supervisor', 'PCN supervisor'] as const;

/** One row per CCC, the name linking to their timeline. On a phone each row becomes a block of its own. */
export function EnrolmentsTable({ enrolments, caption }: EnrolmentsTableProps) {
  const today = todayInLondon();
  const sorted = [...enrolments].sort((a, b) => a.ccc.fullName.localeCompare(b.ccc.fullName, 'en-GB'));
  return (
    <table className="nhsuk-table-responsive">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            Name
          </th>
          {COLUMNS.map((column) => (
            <th className="nhsuk-table__header" scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {sorted.map((enrolment) => (
          <tr className="nhsuk-table__row" key={enrolment.id}>
            <th className="nhsuk-table__header" scope="row">
              <Link to={`/enrolments/${enrolment.id}`}>
                {enrolment.ccc.fullName}
                <span className="nhsuk-u-visually-hidden">: view timeline</span>
              </Link>
            </th>
            <Cell heading="PCN">{enrolment.pcn.name}</Cell>
            <Cell heading="Cohort">
              {enrolment.cohort.name}
              <span className="app-secondary-text">
                {enrolment.cohort.startDate.slice(0, 10) <= today ? 'Started' : 'Starts'}{' '}
                {formatDate(enrolment.cohort.startDate)}
              </span>
            </Cell>
            <Cell heading="Track">{TRACK_LABELS[enrolment.track] ?? enrolment.track}</Cell>
            <Cell heading="Current month">{currentMonthLabel(enrolment, today)}</Cell>
            <Cell heading="Alliance supervisor">{personName(enrolment.allianceSupervisor)}</Cell>
            <Cell heading="PCN supervisor">{personName(enrolment.pcnSupervisor)}</Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
