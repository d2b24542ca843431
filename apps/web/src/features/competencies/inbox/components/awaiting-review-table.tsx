import type { InboxItem } from '@ccc/contracts';
import { Link } from 'react-router';
import { TableContainer } from '../../../../components/table-container';
import { competencyPath } from '../../api/get-competency';
import { formatDay } from '../../utils/dates';

function evidenceText(count: number): string {
  return count === 1 ? '1 piece' : `${count} pieces`;
}

/** Evidence waiting for the Alliance supervisor, oldest first: each row links to the competency's review form. */
export function AwaitingReviewTable({ items, caption }: { items: InboxItem[]; caption: string }) {
  const captionId = 'awaiting-review-caption';
  return (
    <TableContainer captionId={captionId}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden" id={captionId}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Competency
            </th>
            <th className="nhsuk-table__header" scope="col">
              CCC
            </th>
            <th className="nhsuk-table__header" scope="col">
              Evidence
            </th>
            <th className="nhsuk-table__header" scope="col">
              Waiting since
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {items.map((item) => (
            <tr
              className="nhsuk-table__row"
              key={`${item.enrolmentId}:${item.competency.code}`}
              data-inbox-item={`${item.enrolmentId}:${item.competency.code}`}
            >
              <th className="nhsuk-table__header" scope="row">
                <Link to={`${competencyPath(item.enrolmentId, item.competency.code)}#review`}>
                  {item.competency.title}
                  <span className="nhsuk-u-visually-hidden"> for {item.ccc.fullName}</span>
                </Link>
                <span className="app-secondary-text">
                  {item.competency.code}
                  {item.domainTitle && ` · ${item.domainTitle}`}
                </span>
              </th>
              <td className="nhsuk-table__cell">{item.ccc.fullName}</td>
              <td className="nhsuk-table__cell">{evidenceText(item.evidenceCount)}</td>
              <td className="nhsuk-table__cell">
                <time dateTime={item.since}>{formatDay(item.since)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
