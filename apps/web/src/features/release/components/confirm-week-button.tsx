import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { Textarea } from '../../../components/inputs';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
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
  const [attempt, setAttempt] = useState(0);
  const needsReason = Boolean(server.fields['overrideReason']);
  const label = weekLongLabel(week);
  const done = `Confirmed ${count === 1 ? '1 request' : `all ${count} requests`} of ${label}, for ${cccName}`;

  function send(reason?: string) {
    if (confirmWeek.isPending) return;
    // mutateAsync rather than mutate's callbacks: a confirmed week leaves the list (and this button unmounts)
    // before the callbacks would run, and the confirmation must still be announced.
    confirmWeek.mutateAsync({ week, overrideReason: reason }).then(
      () => onDone(done),
      (error: unknown) => {
        setServer(readActionError(error, (f) => (f === 'overrideReason' ? f : null)));
        setAttempt((n) => n + 1);
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (overrideReason.trim().length < 3) {
      setClientError('Enter why this release may go past the time agreed');
      setAttempt((n) => n + 1);
      return;
    }
    setClientError(null);
    send(overrideReason.trim());
  }

  const fieldId = `confirm-week-${enrolmentId}-${week}`;
  const summary = [
    ...server.general.map((message) => ({ message })),
    ...(server.stale !== null
      ? [{ message: 'Someone else changed one of these requests. Reload the page and try again.' }]
      : []),
    ...(clientError ? [{ message: clientError, fieldId }] : []),
  ];

  return (
    <div className="app-confirm-week">
      {needsReason ? (
        <form onSubmit={handleSubmit} noValidate>
          <ErrorSummary inList id={`${fieldId}-errors`} errors={summary} focusKey={attempt} />
          <Textarea
            id={fieldId}
            label="Reason to go over the time agreed"
            hint={server.fields['overrideReason']}
            error={clientError ?? undefined}
            rows={2}
            value={overrideReason}
            onChange={(value) => setOverrideReason(value)}
          />
          <Button type="submit" small pending={confirmWeek.isPending}>
            Confirm all with this reason
            <span className="nhsuk-u-visually-hidden">
              : {label}, for {cccName}
            </span>
          </Button>
        </form>
      ) : (
        <>
          <ErrorSummary inList id={`${fieldId}-errors`} errors={summary} focusKey={attempt} />
          <Button small pending={confirmWeek.isPending} onClick={() => send()}>
            {confirmWeek.isPending ? 'Confirming…' : `Confirm all for week ${weekNumber(week)}`}
            <span className="nhsuk-u-visually-hidden">
              {' '}
              ({count === 1 ? '1 request' : `${count} requests`}, {label.replace(/^week \d+, /, '')}), for {cccName}
            </span>
          </Button>
        </>
      )}
    </div>
  );
}
