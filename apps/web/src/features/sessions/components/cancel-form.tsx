import type { SessionView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { useCancelSession } from '../api/cancel-session';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../utils/action-error';

interface CancelFormProps {
  session: SessionView;
  onDone: (view: SessionView) => void;
  onReload: () => void;
  onClose: () => void;
}

const REASON_ID = 'cancel-session-reason';

/** Cancelling needs a reason; a new planned session takes the cancelled one's place. */
export function CancelForm({ session, onDone, onReload, onClose }: CancelFormProps) {
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const cancel = useCancelSession(session.id);
  const error =
    (showErrors && !reason.trim() ? 'Say why the session is being cancelled' : undefined) ?? server.fields['reason'];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (cancel.isPending) return;
    if (!reason.trim()) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    cancel.mutate(
      { reason: reason.trim(), version: session.version },
      {
        onSuccess: onDone,
        onError: (failure) => {
          setServer(readActionError(failure, (field) => (field === 'reason' ? 'reason' : null)));
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...(error ? [{ message: error, fieldId: REASON_ID }] : []),
  ];

  return (
    <form onSubmit={handleSubmit} noValidate>
      {server.stale !== null && (
        <StaleVersionNotice
          message={server.stale}
          onReload={() => {
            setServer(NO_ACTION_ERROR);
            onReload();
          }}
        />
      )}
      <ErrorSummary id="cancel-errors" errors={summary} focusKey={attempt} />
      <p>
        Everyone taking part will see that it was cancelled, and why. A new session for the same part of the plan is
        added to the timeline, ready to book.
      </p>
      <FormField id={REASON_ID} label="Why is the session being cancelled?" error={error}>
        {(control) => (
          <textarea
            {...control}
            className={fieldClass('nhsuk-textarea', control)}
            name="reason"
            rows={3}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setServer((previous) => ({ ...previous, fields: {} }));
            }}
          />
        )}
      </FormField>
      <div className="nhsuk-button-group">
        <button
          className="nhsuk-button nhsuk-button--warning"
          type="submit"
          aria-disabled={cancel.isPending || undefined}
        >
          {cancel.isPending ? 'Cancelling…' : 'Cancel the session'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClose}>
          Keep the session
        </button>
      </div>
    </form>
  );
}
