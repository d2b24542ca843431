import type { EnrolmentSummary } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../sessions/utils/action-error';
import { useWithdrawEnrolment } from '../api/withdraw-enrolment';
import { validateWithdrawReason } from '../utils/forms';

interface WithdrawFormProps {
  enrolment: EnrolmentSummary;
  onWithdrawn: () => void;
  onReload: () => void;
}

/** Administrators: the CCC leaves the programme early, with the reason; their records are kept, read-only. */
export function WithdrawForm({ enrolment, onWithdrawn, onReload }: WithdrawFormProps) {
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const withdraw = useWithdrawEnrolment(enrolment.id);
  const error = server.fields['reason'] ?? (showErrors ? validateWithdrawReason(reason) : null) ?? undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (withdraw.isPending) return;
    if (validateWithdrawReason(reason)) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    withdraw.mutate(
      { reason: reason.trim(), version: enrolment.version },
      {
        onSuccess: onWithdrawn,
        onError: (cause) => {
          setServer(readActionError(cause, (field) => (field === 'reason' ? 'reason' : null)));
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...(error ? [{ message: error, fieldId: 'withdraw-reason' }] : []),
  ];
  return (
    <form onSubmit={handleSubmit} noValidate>
      {server.stale !== null && <StaleVersionNotice what="enrolment" message={server.stale} onReload={onReload} />}
      <ErrorSummary id="withdraw-errors" errors={summary} focusKey={attempt} />
      <FormField
        id="withdraw-reason"
        label={`Why ${enrolment.ccc.fullName} is leaving the programme`}
        hint="Shown with the enrolment. Their sessions, competencies and other records are kept, read-only."
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
      <Button type="submit" variant="warning" pending={withdraw.isPending}>
        {withdraw.isPending ? 'Withdrawing…' : 'Withdraw from the programme'}
      </Button>
    </form>
  );
}
