import type { CaseloadRow } from '@ccc/contracts';
import { Link } from 'react-router';
import { formatDateTime, todayInLondon } from '../../../utils/format';
import { currentMonthLabel } from '../../enrolments/utils/labels';

function Count({ value, tone }: { value: number; tone?: 'danger' | 'warning' }) {
  if (value === 0) return <>0</>;
  return tone ? <strong className={`count count--${tone}`}>{value}</strong> : <>{value}</>;
}

/** One row per CCC: where their sessions stand, and the next one, with links to the timeline and the session. */
export function CaseloadTable({ rows, caption }: { rows: CaseloadRow[]; caption: string }) {
  const today = todayInLondon();
  const sorted = [...rows].sort((a, b) => a.enrolment.ccc.fullName.localeCompare(b.enrolment.ccc.fullName, 'en-GB'));
  return (
    <>
      <p className="table-hint" aria-hidden="true">
        Scroll sideways to see every column.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="caseload-caption" tabIndex={0}>
        <table className="table table--numeric">
          <caption id="caseload-caption" className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">CCC</th>
              <th scope="col">PCN</th>
              <th scope="col">Month</th>
              <th scope="col" className="numeric">
                Unbooked
              </th>
              <th scope="col" className="numeric">
                Awaiting
              </th>
              <th scope="col" className="numeric">
                Upcoming
              </th>
              <th scope="col" className="numeric">
                Overdue
              </th>
              <th scope="col" className="numeric">
                Missed
              </th>
              <th scope="col" className="numeric">
                Release declined
              </th>
              <th scope="col">Next session</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.enrolment.id} data-enrolment-id={row.enrolment.id}>
                <th scope="row">
                  <Link to={`/enrolments/${row.enrolment.id}`}>
                    {row.enrolment.ccc.fullName}
                    <span className="visually-hidden">: view timeline</span>
                  </Link>
                </th>
                <td>{row.enrolment.pcn.name}</td>
                <td>{currentMonthLabel(row.enrolment, today)}</td>
                <td className="numeric">
                  <Count value={row.unbooked} tone="warning" />
                </td>
                <td className="numeric">
                  <Count value={row.awaiting} />
                </td>
                <td className="numeric">
                  <Count value={row.upcoming} />
                </td>
                <td className="numeric">
                  <Count value={row.overdue} tone="danger" />
                </td>
                <td className="numeric">
                  <Count value={row.missed} tone="danger" />
                </td>
                <td className="numeric">
                  <Count value={row.releaseDeclined} tone="warning" />
                </td>
                <td>
                  {row.next ? (
                    <>
                      <Link to={`/sessions/${row.next.id}`}>{row.next.title}</Link>
                      <span className="table__secondary">
                        <time dateTime={row.next.startsAt}>{formatDateTime(row.next.startsAt)}</time>
                      </span>
                    </>
                  ) : (
                    'None booked'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
