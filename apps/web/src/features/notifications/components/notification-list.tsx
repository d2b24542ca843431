import type { NotificationView } from '@ccc/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { InlineError } from '../../../components/form-field';
import { Tag } from '../../../components/tag';
import { formatDateTime } from '../../../utils/format';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { bodyLines, kindLabel } from '../utils/labels';

function NotificationItem({ item }: { item: NotificationView }) {
  const markRead = useMarkNotificationRead();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { paragraphs, items } = bodyLines(item.body);
  const unread = item.readAt === null;
  const headingId = `notification-${item.id}`;

  const focusWhenRead = useRef(false);

  // The button goes as soon as the item reads as read: focus moves to the item's heading, not to the page's top.
  useEffect(() => {
    if (unread || !focusWhenRead.current) return;
    focusWhenRead.current = false;
    headingRef.current?.focus();
  }, [unread]);

  function onMarkRead() {
    focusWhenRead.current = true;
    markRead.mutate(item.id, { onError: () => (focusWhenRead.current = false) });
  }

  return (
    <li data-notification-id={item.id} data-read={unread ? 'false' : 'true'}>
      <div className="nhsuk-card app-item-card">
        <div className="nhsuk-card__content">
          <div className="app-item-card__head">
            <h2 className="nhsuk-heading-s app-item-card__title" id={headingId} tabIndex={-1} ref={headingRef}>
              {item.title}
            </h2>
            {unread ? (
              <Tag tone="info" hiddenPrefix="Status: ">
                New
              </Tag>
            ) : (
              <Tag tone="neutral" hiddenPrefix="Status: ">
                Read
              </Tag>
            )}
          </div>
          <p className="app-secondary-text">
            {kindLabel(item.kind)} · <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
          </p>
          {paragraphs.map((text) => (
            <p key={text}>{text}</p>
          ))}
          {items.length > 0 && (
            <ul className="nhsuk-list nhsuk-list--bullet">
              {items.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
          {item.link && (
            <p>
              <Link className="nhsuk-link" to={item.link}>
                Open it<span className="nhsuk-u-visually-hidden">: {item.title}</span>
              </Link>
            </p>
          )}
          {unread && (
            <Button variant="secondary" small pending={markRead.isPending} onClick={onMarkRead}>
              {markRead.isPending ? 'Marking as read…' : 'Mark as read'}
              <span className="nhsuk-u-visually-hidden">: {item.title}</span>
            </Button>
          )}
          {markRead.isError && <InlineError>{describeError(markRead.error)}</InlineError>}
        </div>
      </div>
    </li>
  );
}

/** A person's reminders, newest first, each a card saying what it is about, with where to act on it. */
export function NotificationList({ items }: { items: NotificationView[] }) {
  return (
    <ul className="nhsuk-list app-card-list" aria-label="Your notifications">
      {items.map((item) => (
        <NotificationItem key={item.id} item={item} />
      ))}
    </ul>
  );
}
