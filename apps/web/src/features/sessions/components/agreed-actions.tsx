import type { OpenActionView, SessionActionView } from '@ccc/contracts';
import { Table } from '../../../components/table';
import { Tag } from '../../../components/tag';
import { formatDate } from '../../../utils/format';
import { participantRoleLabel } from '../../enrolments';
import { MarkDoneButton } from './mark-done-button';

/** Who owns an action: in a group session, the CCC by name when the reader may see them. */
export function ownerWords(action: SessionActionView): string {
  return action.ownerCcc
    ? `${participantRoleLabel(action.owner)}: ${action.ownerCcc.fullName}`
    : participantRoleLabel(action.owner);
}

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
              {ownerWords(action)} · due by {formatDate(action.dueDate)} · agreed at {action.session.title}
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
        <Table
          id="actions"
          caption="Actions agreed at the session"
          captionHidden
          rows={actions}
          rowKey={(action) => action.id}
          columns={[
            { key: 'action', header: 'Action', cell: (action) => action.description },
            { key: 'owner', header: 'Owner', cell: ownerWords },
            { key: 'due', header: 'Due by', cell: (action) => formatDate(action.dueDate) },
            {
              key: 'done',
              header: 'Done',
              cell: (action) => (
                <>
                  {action.done ? <Tag tone="success">Done</Tag> : <Tag tone="neutral">Not yet</Tag>}{' '}
                  {!action.done && mine(action) && <MarkDoneButton action={action} />}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
