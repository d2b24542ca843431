import { useState } from 'react';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useNotificationPreferences } from '../api/get-notification-preferences';
import { PreferencesForm } from '../components/preferences-form';

/** Which kinds of reminder the person gets; only the kinds their roles can get are offered. */
export function NotificationPreferencesPage() {
  useDocumentTitle('Choose your reminders');
  const preferences = useNotificationPreferences();
  // Counts saves, so that each one is announced again; kept here because the form starts afresh after a save.
  const [saves, setSaves] = useState(0);

  return (
    <>
      <BackLink to="/notifications">Back to notifications</BackLink>
      <PageHeading>Choose your reminders</PageHeading>
      {saves > 0 && (
        <Confirmation title="Your choices are saved" key={saves}>
          <p>You will get only the kinds of reminder that are ticked.</p>
        </Confirmation>
      )}
      {preferences.isPending ? (
        <Loading label="Loading your choices" />
      ) : preferences.isError ? (
        <ErrorMessage title="Your choices could not be loaded" error={preferences.error}>
          <Button variant="secondary" onClick={() => void preferences.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : (
        // A new version (saved here or elsewhere) starts the form again from what is stored.
        <PreferencesForm
          key={preferences.data.version}
          current={preferences.data}
          onReload={() => {
            setSaves(0);
            void preferences.refetch();
          }}
          onSaved={() => setSaves((n) => n + 1)}
        />
      )}
    </>
  );
}
