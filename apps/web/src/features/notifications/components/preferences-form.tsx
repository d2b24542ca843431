import type { NotificationPreferencesResponse } from '@ccc/contracts';
import type { ReminderKind } from '@ccc/programme';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { isStaleVersion } from '../../../lib/api-client';
import { useUpdateNotificationPreferences } from '../api/update-notification-preferences';

interface PreferencesFormProps {
  current: NotificationPreferencesResponse;
  onReload: () => void;
  onSaved: () => void;
}

/** A checkbox per kind of reminder the person can get: ticked means it is sent (in the app and by e-mail). */
export function PreferencesForm({ current, onReload, onSaved }: PreferencesFormProps) {
  const save = useUpdateNotificationPreferences();
  const [enabled, setEnabled] = useState<Partial<Record<ReminderKind, boolean>>>(() =>
    Object.fromEntries(current.preferences.map((p) => [p.kind, p.enabled])),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate({ enabled, version: current.version }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={submit} noValidate>
      {save.isError &&
        (isStaleVersion(save.error) ? (
          <StaleVersionNotice
            what="set of choices"
            message={save.error.message}
            onReload={() => {
              save.reset();
              onReload();
            }}
          />
        ) : (
          <ErrorMessage title="Your choices could not be saved" error={save.error} />
        ))}
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset" aria-describedby="reminder-kinds-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">Which reminders do you want?</h2>
          </legend>
          <div className="nhsuk-hint" id="reminder-kinds-hint">
            Select all that apply. Untick a kind to stop getting it, in this service and by e-mail.
          </div>
          <div className="nhsuk-checkboxes">
            {current.preferences.map((preference) => {
              const id = `reminder-${preference.kind}`;
              return (
                <div className="nhsuk-checkboxes__item" key={preference.kind}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={id}
                    name="kinds"
                    type="checkbox"
                    value={preference.kind}
                    checked={enabled[preference.kind] ?? preference.enabled}
                    aria-describedby={`${id}-hint`}
                    onChange={(event) => setEnabled((was) => ({ ...was, [preference.kind]: event.target.checked }))}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                    {preference.label}
                  </label>
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
                    {preference.description}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <Button type="submit" pending={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save choices'}
      </Button>
    </form>
  );
}
