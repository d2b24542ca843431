import type { OpenActionView, SessionActionView } from '@ccc/contracts';
import { TableContainer } from '../../../components/table-container';
import { Tag } from '../../../components/tag';
import { formatDate } from '../../../utils/format';
import { participantRoleLabel } from '../../enrolments/utils/labels';
import { MarkDoneButton } from './mark-done-button';

/** Open actions agreed in earlier sessions with this CCC, to follow up here; the owner can mark each done. */
export function CarriedActions({ actions }: { actions: OpenActionView[] }) {
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="carried-heading" className="app-section">
      <h2 id="carried-heading">Open actions from earlier sessions</h2>
      <ul className="nhsuk-list">
        {actions.map((action) => (
          <li key={action.id} data-action-id={action.id}>
            <strong>{action.description}</strong>{' '}
            <span className="app-secondary-text">
              {participantRoleLabel(action.owner)} · due by {formatDate(action.dueDate)} · agreed at{' '}
              {action.session.title}
            </span>{' '}
            {action.mine && <MarkDoneButton action={action} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The actions agreed at the session, who owns each and when it is due; `mine` picks those the viewer owns. */
export function AgreedActions({
  actions,
  mine = () => false,
}: {
  actions: SessionActionView[];
  mine?: (action: SessionActionView) => boolean;
}) {
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
                    {action.done ? <Tag tone="success">Done</Tag> : <Tag tone="neutral">Not yet</Tag>}{' '}
                    {!action.done && mine(action) && <MarkDoneButton action={action} />}
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
