import type { EnrolmentSummary } from '@ccc/contracts';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { Textarea } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { useReasonForm } from '../../../utils/use-reason-form';
import { useWithdrawEnrolment } from '../api/withdraw-enrolment';
import { validateWithdrawReason } from '../utils/forms';

interface WithdrawFormProps {
  enrolment: EnrolmentSummary;
  onWithdrawn: () => void;
  onReload: () => void;
}

/** Administrators: the CCC leaves the programme early, with the reason; their records are kept, read-only. */
export function WithdrawForm({ enrolment, onWithdrawn, onReload }: WithdrawFormProps) {
  const withdraw = useWithdrawEnrolment(enrolment.id);
  const form = useReasonForm({
    fieldId: 'withdraw-reason',
    validate: validateWithdrawReason,
    pending: withdraw.isPending,
    send: (reason, fail) =>
      withdraw.mutate({ reason, version: enrolment.version }, { onSuccess: onWithdrawn, onError: fail }),
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate>
      {form.stale !== null && <StaleVersionNotice what="enrolment" message={form.stale} onReload={onReload} />}
      <ErrorSummary id="withdraw-errors" errors={form.summary} focusKey={form.attempt} />
      <Textarea
        id="withdraw-reason"
        label={`Why ${enrolment.ccc.fullName} is leaving the programme`}
        hint="Shown with the enrolment. Their sessions, competencies and other records are kept, read-only."
        error={form.error}
        rows={3}
        value={form.reason}
        onChange={(value) => form.setReason(value)}
      />
      <Button type="submit" variant="warning" pending={withdraw.isPending}>
        {withdraw.isPending ? 'Withdrawing…' : 'Withdraw from the programme'}
      </Button>
    </form>
  );
}
