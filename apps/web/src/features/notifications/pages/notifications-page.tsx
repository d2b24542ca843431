import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useNotifications } from '../api/get-notifications';
import { NotificationList } from '../components/notification-list';

/** The in-app list of reminders: the same items as the e-mails, newest first, each marked read when dealt with. */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const notifications = useNotifications();

  return (
    <>
      <PageHeading>Notifications</PageHeading>
      <p className="nhsuk-lead-text">
        Reminders about your sessions and about things waiting for you. We also send each one by e-mail.
      </p>
      <p>
        <Link className="nhsuk-link" to="/notifications/preferences">
          Choose which reminders you get
        </Link>
      </p>

      {notifications.isPending ? (
        <Loading label="Loading your notifications" />
      ) : notifications.isError ? (
        <ErrorMessage title="Your notifications could not be loaded" error={notifications.error}>
          <Button variant="secondary" onClick={() => void notifications.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : notifications.data.items.length === 0 ? (
        <EmptyState title="You have no notifications">
          <p className="nhsuk-card__description">
            Reminders appear here the day before a session, and when something has waited for you to act on it.
          </p>
        </EmptyState>
      ) : (
        <>
          <p role="status">
            {notifications.data.unreadCount === 0
              ? 'You have read all your notifications.'
              : `${notifications.data.unreadCount} new ${notifications.data.unreadCount === 1 ? 'notification' : 'notifications'}.`}
          </p>
          <NotificationList items={notifications.data.items} />
        </>
      )}
    </>
  );
}
