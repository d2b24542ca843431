import type { ErasureResult, RetentionRow } from '@ccc/contracts';
import { useEffect, useRef } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { Textarea } from '../../../components/inputs';
import { WarningCallout } from '../../../components/warning-callout';
import { useReasonForm } from '../../../utils/use-reason-form';
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
  const erase = useEraseEnrolment(row.enrolmentId);
  const form = useReasonForm({
    fieldId: 'erasure-reason',
    validate: validateErasureReason,
    pending: erase.isPending,
    send: (reason, fail) => erase.mutate({ reason }, { onSuccess: onErased, onError: fail }),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [row.enrolmentId]);

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
      <form onSubmit={form.handleSubmit} noValidate>
        <ErrorSummary id="erasure-errors" errors={form.summary} focusKey={form.attempt} />
        <Textarea
          id="erasure-reason"
          label="Why the personal data is being erased"
          hint="For example, the request you received and its date. Kept in the audit trail."
          error={form.error}
          rows={3}
          value={form.reason}
          onChange={(value) => form.setReason(value)}
        />
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
