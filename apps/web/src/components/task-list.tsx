import { Link } from 'react-router';
import { Tag, type Tone } from './tag';

export interface TaskListItem {
  id: string;
  name: string;
  /** Where the task is done: another page, or "#id" for a place on this one. */
  href: string;
  hint?: string;
  /** A tag while something is still to do; plain text once it is done. */
  status: { text: string; tone?: Tone };
}

/** The NHS task list: what the person needs to do, each with its state; the name links to where it is done. */
export function TaskList({ idPrefix, items }: { idPrefix: string; items: TaskListItem[] }) {
  return (
    <ul className="nhsuk-task-list">
      {items.map((item) => {
        const hintId = `${idPrefix}-${item.id}-hint`;
        const statusId = `${idPrefix}-${item.id}-status`;
        const describedBy = item.hint ? `${hintId} ${statusId}` : statusId;
        const inPage = item.href.startsWith('#');
        return (
          <li className="nhsuk-task-list__item nhsuk-task-list__item--with-link" key={item.id}>
            <div className="nhsuk-task-list__name-and-hint">
              {inPage ? (
                <a className="nhsuk-link nhsuk-task-list__link" href={item.href} aria-describedby={describedBy}>
                  {item.name}
                </a>
              ) : (
                <Link className="nhsuk-link nhsuk-task-list__link" to={item.href} aria-describedby={describedBy}>
                  {item.name}
                </Link>
              )}
              {item.hint && (
                <div className="nhsuk-task-list__hint" id={hintId}>
                  {item.hint}
                </div>
              )}
            </div>
            <div
              className={
                item.status.tone
                  ? 'nhsuk-task-list__status'
                  : 'nhsuk-task-list__status nhsuk-task-list__status--completed'
              }
              id={statusId}
            >
              {item.status.tone ? <Tag tone={item.status.tone}>{item.status.text}</Tag> : item.status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
