import type { SessionView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { formatDateTime, formatMinutes } from '../../../utils/format';
import { useRespondAsAlliance } from '../api/respond-as-alliance';
import { useRespondAsPcn } from '../api/respond-as-pcn';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { ConflictNotice } from './conflict-notice';

interface AcceptFormProps {
  session: SessionView;
  /** The PCN supervisor accepts the offered slot; the Alliance supervisor accepts the PCN's proposal. */
  kind: 'accept_slot' | 'accept_proposal';
  onDone: (view: SessionView) => void;
  onReload: () => void;
  onClose: () => void;
}

/** Says which time is being accepted, and accepts it. */
export function AcceptForm({ session, kind, onDone, onReload, onClose }: AcceptFormProps) {
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const pcn = useRespondAsPcn(session.id);
  const alliance = useRespondAsAlliance(session.id);
  const pending = pcn.isPending || alliance.isPending;
  const time = kind === 'accept_slot' ? session.startsAt : session.proposedStartsAt;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const options = {
      onSuccess: onDone,
      onError: (error: unknown) => {
        setServer(readActionError(error, () => null));
        setAttempt((n) => n + 1);
      },
    };
    if (kind === 'accept_slot') pcn.mutate({ decision: 'accept', version: session.version }, options);
    else alliance.mutate({ decision: 'accept', version: session.version }, options);
  }

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
      <ErrorSummary id={`${kind}-errors`} errors={server.general.map((message) => ({ message }))} focusKey={attempt} />
      {server.conflict && <ConflictNotice conflict={server.conflict} canOverride={false} />}
      <p>
        {time ? (
          <>
            <strong>
              <time dateTime={time}>{formatDateTime(time)}</time>
            </strong>
            {session.durationMinutes !== null && <>, {formatMinutes(session.durationMinutes)}</>} (UK time).
          </>
        ) : (
          'No time has been given.'
        )}{' '}
        Once you accept, the session is booked for everyone taking part.
      </p>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" aria-disabled={pending || undefined}>
          {pending ? 'Sending…' : 'Accept and book'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
