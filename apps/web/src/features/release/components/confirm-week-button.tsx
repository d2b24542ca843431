import { useState, type FormEvent } from 'react';
import { FormField } from '../../../components/form-field';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../sessions/utils/action-error';
import { useConfirmWeek } from '../api/confirm-week';
import { weekLongLabel, weekNumber } from '../utils/weeks';

interface ConfirmWeekButtonProps {
  enrolmentId: string;
  week: string;
  count: number;
  cccName: string;
  onDone: (message: string) => void;
}

/** "Confirm all for week 48": every pending request of the week in one go, with a reason if it passes the cap. */
export function ConfirmWeekButton({ enrolmentId, week, count, cccName, onDone }: ConfirmWeekButtonProps) {
  const confirmWeek = useConfirmWeek(enrolmentId);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [overrideReason, setOverrideReason] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const needsReason = Boolean(server.fields['overrideReason']);
  const label = weekLongLabel(week);
  const done = `Confirmed ${count === 1 ? '1 request' : `all ${count} requests`} of ${label}, for ${cccName}`;

  function send(reason?: string) {
    if (confirmWeek.isPending) return;
    // mutateAsync rather than mutate's callbacks: a confirmed week leaves the list (and this button unmounts)
    // before the callbacks would run, and the confirmation must still be announced.
    confirmWeek.mutateAsync({ week, overrideReason: reason }).then(
      () => onDone(done),
      (error: unknown) => setServer(readActionError(error, (f) => (f === 'overrideReason' ? f : null))),
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (overrideReason.trim().length < 3) {
      setClientError('Enter why this release may go past the time agreed');
      return;
    }
    setClientError(null);
    send(overrideReason.trim());
  }

  return (
    <div className="confirm-week">
      {server.general.length > 0 && (
        <p className="field-error" role="alert">
          {server.general.join(' ')}
        </p>
      )}
      {server.stale !== null && (
        <p className="field-error" role="alert">
          Someone else changed one of these requests. Reload the page and try again.
        </p>
      )}
      {needsReason ? (
        <form onSubmit={handleSubmit} noValidate>
          <FormField
            id={`confirm-week-${enrolmentId}-${week}`}
            label="Reason to go over the time agreed"
            hint={server.fields['overrideReason']}
            error={clientError ?? undefined}
          >
            {(control) => (
              <textarea
                {...control}
                className="textarea"
                rows={2}
                value={overrideReason}
                onChange={(event) => setOverrideReason(event.target.value)}
              />
            )}
          </FormField>
          <button className="button button--small" type="submit" aria-disabled={confirmWeek.isPending || undefined}>
            Confirm all with this reason
            <span className="visually-hidden">
              : {label}, for {cccName}
            </span>
          </button>
        </form>
      ) : (
        <button
          className="button button--small"
          type="button"
          aria-disabled={confirmWeek.isPending || undefined}
          onClick={() => send()}
        >
          {confirmWeek.isPending ? 'Confirming…' : `Confirm all for week ${weekNumber(week)}`}
          <span className="visually-hidden">
            {' '}
            ({count === 1 ? '1 request' : `${count} requests`}, {label.replace(/^week \d+, /, '')}), for {cccName}
          </span>
        </button>
      )}
    </div>
  );
}
