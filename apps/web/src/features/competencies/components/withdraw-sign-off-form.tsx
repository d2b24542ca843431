import type { CompetencyDetailResponse } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../sessions/utils/action-error';
import { useWithdrawSignOff } from '../api/withdraw-sign-off';
import { validateWithdrawal } from '../utils/review-form';

const REASON_ID = 'withdraw-reason';

interface WithdrawSignOffFormProps {
  detail: CompetencyDetailResponse;
  onDone: (title: string, detail: string | null) => void;
  onReload: () => void;
}

/** Withdraws a sign-off, only with a reason; the sign-off stays on record and the CCC works towards it again. */
export function WithdrawSignOffForm({ detail, onDone, onReload }: WithdrawSignOffFormProps) {
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const withdraw = useWithdrawSignOff(detail.enrolmentId, detail.competency.code);
  const error = server.fields['reason'] ?? (showErrors ? validateWithdrawal(reason) : null) ?? undefined;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (withdraw.isPending) return;
    if (validateWithdrawal(reason)) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    // mutateAsync: once withdrawn, this form leaves the page before mutate's callbacks would run.
    withdraw.mutateAsync({ reason: reason.trim(), version: detail.progress.version }).then(
      () =>
        onDone('Sign-off withdrawn', 'The CCC is working towards this competency again. The sign-off stays on record.'),
      (failure: unknown) => {
        setServer(readActionError(failure, (field) => (field === 'reason' ? 'reason' : null)));
        setAttempt((n) => n + 1);
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
          what="competency"
          message={server.stale}
          onReload={() => {
            setServer(NO_ACTION_ERROR);
            onReload();
          }}
        />
      )}
      <ErrorSummary id="withdraw-errors" errors={summary} focusKey={attempt} />
      <FormField
        id={REASON_ID}
        label="Why is the sign-off being withdrawn?"
        hint="The CCC reads this, and it stays on the record with the sign-off."
        error={error}
      >
        {(control) => (
          <textarea
            {...control}
            className={fieldClass('nhsuk-textarea', control)}
            rows={4}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setServer(NO_ACTION_ERROR);
            }}
          />
        )}
      </FormField>
      <Button type="submit" variant="warning" pending={withdraw.isPending}>
        {withdraw.isPending ? 'Withdrawing…' : 'Withdraw the sign-off'}
      </Button>
    </form>
  );
}
