import type { AwaitedSignOffRow } from '@ccc/contracts';
import { SIGN_OFF_KIND_LABELS } from '@ccc/programme';
import { Link } from 'react-router';
import { TableContainer } from '../../../components/table-container';
import { formatDate } from '../../../utils/format';
import { ACTION_LABELS, PARTY_LABELS, signOffPath, waitedText } from '../utils/links';

interface AwaitingTableProps {
  id: string;
  rows: AwaitedSignOffRow[];
  caption: string;
  /** A CCC's view: who they are waiting on, rather than whose record it is. */
  showFrom?: boolean;
}

/** Sign-offs still to be given, oldest first: each links to the record where it is given. */
export function AwaitingTable({ id, rows, caption, showFrom = false }: AwaitingTableProps) {
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
              {showFrom ? 'Waiting on' : 'CCC'}
            </th>
            <th className="nhsuk-table__header" scope="col">
              Kind
            </th>
            <th className="nhsuk-table__header" scope="col">
              Month
            </th>
            <th className="nhsuk-table__header" scope="col">
              Waiting since
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={`${row.enrolmentId}:${row.key}`} data-awaiting={row.key}>
              <th className="nhsuk-table__header" scope="row">
                <Link to={signOffPath(row.link)}>
                  {row.summary}
                  <span className="nhsuk-u-visually-hidden"> for {row.ccc.fullName}</span>
                </Link>
                <span className="app-secondary-text">{ACTION_LABELS[row.action]}</span>
              </th>
              <td className="nhsuk-table__cell">
                {showFrom ? (row.from?.fullName ?? PARTY_LABELS[row.awaiting]) : row.ccc.fullName}
              </td>
              <td className="nhsuk-table__cell">{SIGN_OFF_KIND_LABELS[row.kind]}</td>
              <td className="nhsuk-table__cell">{row.month}</td>
              <td className="nhsuk-table__cell">
                <time dateTime={row.since}>{formatDate(row.since.slice(0, 10))}</time>
                <span className="app-secondary-text">
                  {row.waitedDays === 0 ? 'today' : `${waitedText(row.waitedDays)} ago`}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
