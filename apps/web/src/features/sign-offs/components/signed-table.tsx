import type { SignOffRow } from '@ccc/contracts';
import { SIGN_OFF_KIND_LABELS } from '@ccc/programme';
import { Link } from 'react-router';
import { TableContainer } from '../../../components/table-container';
import { formatDateTime } from '../../../utils/format';
import { signOffPath } from '../utils/links';

/** What the caller signed, newest first, each linking to its record. */
export function SignedTable({ id, rows, caption }: { id: string; rows: SignOffRow[]; caption: string }) {
  const captionId = `${id}-caption`;
  return (
    <TableContainer captionId={captionId}>
      <table className="nhsuk-table" id={id}>
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden" id={captionId}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              What
            </th>
            <th className="nhsuk-table__header" scope="col">
              CCC
            </th>
            <th className="nhsuk-table__header" scope="col">
              Kind
            </th>
            <th className="nhsuk-table__header" scope="col">
              Month
            </th>
            <th className="nhsuk-table__header" scope="col">
              When
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={`${row.enrolmentId}:${row.key}`} data-signed={row.key}>
              <th className="nhsuk-table__header" scope="row">
                <Link to={signOffPath(row.link)}>
                  {row.summary}
                  <span className="nhsuk-u-visually-hidden"> for {row.ccc.fullName}</span>
                </Link>
                {row.reason && <span className="app-secondary-text">{row.reason}</span>}
              </th>
              <td className="nhsuk-table__cell">{row.ccc.fullName}</td>
              <td className="nhsuk-table__cell">{SIGN_OFF_KIND_LABELS[row.kind]}</td>
              <td className="nhsuk-table__cell">{row.month}</td>
              <td className="nhsuk-table__cell">
                <time dateTime={row.at}>{formatDateTime(row.at)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
