import type { PcnHomeRow } from '@ccc/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatMinutes } from '../../../utils/format';
import { useRespondAsPcn } from '../../sessions/api/respond-as-pcn';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../sessions/utils/action-error';

type Slot = PcnHomeRow['slotsAwaiting'][number];

/** A joint session offered to the PCN supervisor: Accept in one click, or go and propose another time. */
export function SlotAwaiting({ slot, cccName, onDone }: { slot: Slot; cccName: string; onDone: (m: string) => void }) {
  const respond = useRespondAsPcn(slot.id);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const hidden = `: ${slot.title} with ${cccName}`;
  const when = formatDateTime(slot.startsAt);
  return (
    <li className="pending-item pending-item--slot" data-session-id={slot.id}>
      <div className="pending-item__what">
        <Link className="pending-item__title" to={`/sessions/${slot.id}`}>
          {slot.title}
        </Link>
        <span className="pending-item__meta">
          Offered for <time dateTime={slot.startsAt}>{when}</time> (UK time) · {formatMinutes(slot.durationMinutes)}
        </span>
      </div>
      <div className="release-decision">
        {server.stale !== null && (
          <p className="field-error" role="alert">
            This session was changed by someone else. <Link to={`/sessions/${slot.id}`}>Open it</Link> to see the
            change.
          </p>
        )}
        {server.conflict && (
          <p className="field-error" role="alert">
            That time clashes with {server.conflict.title}. Propose another time.
          </p>
        )}
        {server.general.length > 0 && (
          <p className="field-error" role="alert">
            {server.general.join(' ')}
          </p>
        )}
        <div className="release-decision__buttons">
          <button
            className="button button--small"
            type="button"
            aria-disabled={respond.isPending || undefined}
            onClick={() => {
              if (respond.isPending) return;
              setServer(NO_ACTION_ERROR);
              // mutateAsync: the accepted slot leaves the list before mutate's callbacks would run.
              respond.mutateAsync({ decision: 'accept', version: slot.version }).then(
                () => onDone(`Accepted: ${slot.title} with ${cccName}, ${when}`),
                (error: unknown) => setServer(readActionError(error, () => null)),
              );
            }}
          >
            {respond.isPending ? 'Accepting…' : 'Accept'}
            <span className="visually-hidden">{hidden}</span>
          </button>
          <Link className="button button--secondary button--small" to={`/sessions/${slot.id}?action=propose_slot`}>
            Propose another time<span className="visually-hidden">{hidden}</span>
          </Link>
        </div>
      </div>
    </li>
  );
}
