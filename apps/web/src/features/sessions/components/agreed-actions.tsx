import type { SessionActionView } from '@ccc/contracts';
import { formatDate } from '../../../utils/format';
import { participantRoleLabel } from '../../enrolments/utils/labels';

/** The actions agreed at the session, who owns each and when it is due. */
export function AgreedActions({ actions }: { actions: SessionActionView[] }) {
  return (
    <section aria-labelledby="actions-heading" className="section">
      <h2 id="actions-heading">Agreed actions</h2>
      {actions.length === 0 ? (
        <p>No actions have been agreed.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="actions-caption" tabIndex={0}>
          <table className="table">
            <caption id="actions-caption" className="visually-hidden">
              Actions agreed at the session
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Due by</th>
                <th scope="col">Done</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr key={action.id}>
                  <td>{action.description}</td>
                  <td>{participantRoleLabel(action.owner)}</td>
                  <td>{formatDate(action.dueDate)}</td>
                  <td>{action.done ? 'Done' : 'Not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
