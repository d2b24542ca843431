import { Link } from 'react-router';
import { formatDate } from '../../../utils/format';
import { useMyActions } from '../api/my-actions';
import { MarkDoneButton } from './mark-done-button';

/** What the signed-in person agreed to do in a session and has not marked done yet. Nothing shows when there is none. */
export function MyOpenActions() {
  const actions = useMyActions();
  if (!actions.data || actions.data.length === 0) return null;
  return (
    <section aria-labelledby="my-actions-heading" className="app-section">
      <h2 id="my-actions-heading">Your open actions</h2>
      <ul className="nhsuk-list app-card-list">
        {actions.data.map((action) => (
          <li key={action.id} data-action-id={action.id}>
            <div className="nhsuk-card">
              <div className="nhsuk-card__content">
                <p className="app-item-card__title">
                  <strong>{action.description}</strong>
                  <span className="app-secondary-text">
                    Due by <time dateTime={action.dueDate}>{formatDate(action.dueDate)}</time> · agreed at{' '}
                    <Link to={`/sessions/${action.session.id}`}>{action.session.title}</Link> with {action.ccc.fullName}
                  </span>
                </p>
                <MarkDoneButton action={action} />
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
