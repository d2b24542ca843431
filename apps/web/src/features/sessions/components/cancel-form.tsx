import type { SessionView } from '@ccc/contracts';
import { ErrorSummary } from '../../../components/error-summary';
import { Textarea } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { useReasonForm } from '../../../utils/use-reason-form';
import { useCancelSession } from '../api/cancel-session';
import { TEXT_RULES } from '@ccc/contracts';
import { requiredTextError } from '../../../utils/text-rules';

interface CancelFormProps {
  session: SessionView;
  onDone: (view: SessionView) => void;
  onReload: () => void;
  onClose: () => void;
}

const REASON_ID = 'cancel-session-reason';

/** Cancelling needs a reason; a new planned session takes the cancelled one's place. */
export function CancelForm({ session, onDone, onReload, onClose }: CancelFormProps) {
  const cancel = useCancelSession(session.id);
  const form = useReasonForm({
    fieldId: REASON_ID,
    validate: (reason) =>
      requiredTextError(reason, TEXT_RULES.sessionCancelReason, 'Say why the session is being cancelled'),
    pending: cancel.isPending,
    send: (reason, fail) => cancel.mutate({ reason, version: session.version }, { onSuccess: onDone, onError: fail }),
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate>
      {form.stale !== null && (
        <StaleVersionNotice
          message={form.stale}
          onReload={() => {
            form.clearServerErrors();
            onReload();
          }}
        />
      )}
      <ErrorSummary id="cancel-errors" errors={form.summary} focusKey={form.attempt} />
      <p>
        Everyone taking part will see that it was cancelled, and why. A new session for the same part of the plan is
        added to the timeline, ready to book.
      </p>
      <Textarea
        id={REASON_ID}
        maxLength={1000}
        label="Why is the session being cancelled?"
        error={form.error}
        name="reason"
        rows={3}
        value={form.reason}
        onChange={(value) => {
          form.setReason(value);
          form.clearReasonError();
        }}
      />
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
