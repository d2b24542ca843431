import type { ErasureResult, RetentionRow } from '@ccc/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { WarningCallout } from '../../../components/warning-callout';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../sessions/utils/action-error';
import { useEraseEnrolment } from '../api/erase-enrolment';
import { validateErasureReason } from '../utils/erasure';

interface ErasureFormProps {
  row: RetentionRow;
  onErased: (result: ErasureResult) => void;
  onCancel: () => void;
}

/**
 * The confirmation before an erasure: what goes, what stays, and the reason (required, kept in the audit trail).
 * Its heading takes focus when it opens, so a screen reader user hears what they are about to do.
 */
export function ErasureForm({ row, onErased, onCancel }: ErasureFormProps) {
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const erase = useEraseEnrolment(row.enrolmentId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.enrolmentId]);
  const error = server.fields['reason'] ?? (showErrors ? validateErasureReason(reason) : null) ?? undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (erase.isPending) return;
    if (validateErasureReason(reason)) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    erase.mutate(
      { reason: reason.trim() },
      {
        onSuccess: onErased,
        onError: (cause) => {
          setServer(readActionError(cause, (field) => (field === 'reason' ? 'reason' : null)));
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...(error ? [{ message: error, fieldId: 'erasure-reason' }] : []),
  ];
  return (
    <section aria-labelledby="erasure-heading" className="app-section">
      <h2 id="erasure-heading" tabIndex={-1} ref={heading}>
        Erase the personal data of {row.ccc.fullName}
      </h2>
      <WarningCallout heading="This cannot be undone">
        <p>
          Their free text, evidence files, notes, drafts and reminders from {row.cohort.name} are erased. If they hold
          no other enrolment or role, their name and e-mail address are erased too and they are signed out.
        </p>
        <p>
          Attendance, release hours, survey ratings, outcome counts and competency progress stay, without their name, so
          the cohort report’s figures do not change.
        </p>
      </WarningCallout>
      <form onSubmit={handleSubmit} noValidate>
        <ErrorSummary id="erasure-errors" errors={summary} focusKey={attempt} />
        <FormField
          id="erasure-reason"
          label="Why the personal data is being erased"
          hint="For example, the request you received and its date. Kept in the audit trail."
          error={error}
        >
          {(control) => (
            <textarea
              {...control}
              className={fieldClass('nhsuk-textarea', control)}
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FormField>
        <ButtonGroup>
          <Button type="submit" variant="warning" pending={erase.isPending}>
            {erase.isPending ? 'Erasing…' : 'Erase personal data'}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
