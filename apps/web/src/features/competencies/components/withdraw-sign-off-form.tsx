import type { CompetencyDetailResponse } from '@ccc/contracts';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { Textarea } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { useReasonForm } from '../../../utils/use-reason-form';
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
  const withdraw = useWithdrawSignOff(detail.enrolmentId, detail.competency.code);
  const withdrawn = () =>
    onDone('Sign-off withdrawn', 'The CCC is working towards this competency again. The sign-off stays on record.');
  const form = useReasonForm({
    fieldId: REASON_ID,
    validate: validateWithdrawal,
    pending: withdraw.isPending,
    // mutateAsync: once withdrawn, this form leaves the page before mutate's callbacks would run.
    send: (reason, fail) =>
      void withdraw.mutateAsync({ reason, version: detail.progress.version }).then(withdrawn, fail),
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate>
      {form.stale !== null && (
        <StaleVersionNotice
          what="competency"
          message={form.stale}
          onReload={() => {
            form.clearServerErrors();
            onReload();
          }}
        />
      )}
      <ErrorSummary id="withdraw-errors" errors={form.summary} focusKey={form.attempt} />
      <Textarea
        id={REASON_ID}
        maxLength={5000}
        label="Why is the sign-off being withdrawn?"
        hint="The CCC reads this, and it stays on the record with the sign-off."
        error={form.error}
        rows={4}
        value={form.reason}
        onChange={(value) => {
          form.setReason(value);
          form.clearServerErrors();
        }}
      />
      <Button type="submit" variant="warning" pending={withdraw.isPending}>
        {withdraw.isPending ? 'Withdrawing…' : 'Withdraw the sign-off'}
      </Button>
    </form>
  );
}
