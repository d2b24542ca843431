import type { SessionActionView } from '@ccc/contracts';
import { TableContainer } from '../../../components/table-container';
import { Tag } from '../../../components/tag';
import { formatDate } from '../../../utils/format';
import { participantRoleLabel } from '../../enrolments/utils/labels';

/** The actions agreed at the session, who owns each and when it is due. */
export function AgreedActions({ actions }: { actions: SessionActionView[] }) {
  return (
    <section aria-labelledby="actions-heading" className="app-section">
      <h2 id="actions-heading">Agreed actions</h2>
      {actions.length === 0 ? (
        <p>No actions have been agreed.</p>
      ) : (
        <TableContainer captionId="actions-caption">
          <table className="nhsuk-table">
            <caption id="actions-caption" className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Actions agreed at the session
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  Action
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Owner
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Due by
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Done
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {actions.map((action) => (
                <tr className="nhsuk-table__row" key={action.id}>
                  <td className="nhsuk-table__cell">{action.description}</td>
                  <td className="nhsuk-table__cell">{participantRoleLabel(action.owner)}</td>
                  <td className="nhsuk-table__cell">{formatDate(action.dueDate)}</td>
                  <td className="nhsuk-table__cell">
                    {action.done ? <Tag tone="success">Done</Tag> : <Tag tone="neutral">Not yet</Tag>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
    </section>
  );
}
