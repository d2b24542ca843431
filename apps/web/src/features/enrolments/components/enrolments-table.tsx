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

/** One row per CCC, the name linking to their timeline. Scrolls sideways on narrow screens. */
export function EnrolmentsTable({ enrolments, caption }: EnrolmentsTableProps) {
  const today = todayInLondon();
  const sorted = [...enrolments].sort((a, b) => a.ccc.fullName.localeCompare(b.ccc.fullName, 'en-GB'));
  return (
    <>
      <p className="table-hint" aria-hidden="true">
        Scroll sideways to see every column.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="enrolments-caption" tabIndex={0}>
        <table className="table">
          <caption id="enrolments-caption" className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">PCN</th>
              <th scope="col">Cohort</th>
              <th scope="col">Track</th>
              <th scope="col">Current month</th>
              <th scope="col">Alliance supervisor</th>
              <th scope="col">PCN supervisor</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((enrolment) => (
              <tr key={enrolment.id}>
                <th scope="row">
                  <Link to={`/enrolments/${enrolment.id}`}>
                    {enrolment.ccc.fullName}
                    <span className="visually-hidden">: view timeline</span>
                  </Link>
                </th>
                <td>{enrolment.pcn.name}</td>
                <td>
                  {enrolment.cohort.name}
                  <span className="table__secondary">
                    {enrolment.cohort.startDate.slice(0, 10) <= today ? 'Started' : 'Starts'}{' '}
                    {formatDate(enrolment.cohort.startDate)}
                  </span>
                </td>
                <td>{TRACK_LABELS[enrolment.track] ?? enrolment.track}</td>
                <td>{currentMonthLabel(enrolment, today)}</td>
                <td>{personName(enrolment.allianceSupervisor)}</td>
                <td>{personName(enrolment.pcnSupervisor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
