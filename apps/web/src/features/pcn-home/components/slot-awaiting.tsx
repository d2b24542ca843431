import type { PcnHomeRow } from '@ccc/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, ButtonGroup } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { ErrorSummary } from '../../../components/error-summary';
import { formatDateTime, formatMinutes } from '../../../utils/format';
import { useRespondAsPcn } from '../../sessions';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';

type Slot = PcnHomeRow['slotsAwaiting'][number];

/** A joint session offered to the PCN supervisor: Accept in one click, or go and propose another time. */
export function SlotAwaiting({ slot, cccName, onDone }: { slot: Slot; cccName: string; onDone: (m: string) => void }) {
  const respond = useRespondAsPcn(slot.id);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const hidden = `: ${slot.title} with ${cccName}`;
  const when = formatDateTime(slot.startsAt);
  const problems = [
    ...(server.stale !== null
      ? [{ message: 'This session was changed by someone else. Open it to see the change.' }]
      : []),
    ...(server.conflict ? [{ message: `That time clashes with ${server.conflict.title}. Propose another time.` }] : []),
    ...server.general.map((message) => ({ message })),
  ];
  return (
    <li className="app-rows__item" data-session-id={slot.id}>
      <p className="app-rows__what">
        <Link to={`/sessions/${slot.id}`}>{slot.title}</Link>
        <span className="app-secondary-text">
          Offered for <time dateTime={slot.startsAt}>{when}</time> (UK time) · {formatMinutes(slot.durationMinutes)}
        </span>
      </p>
      <div className="app-decision">
        <ErrorSummary inList id={`slot-${slot.id}-errors`} errors={problems} focusKey={attempt} />
        <ButtonGroup>
          <Button
            small
            pending={respond.isPending}
            onClick={() => {
              setServer(NO_ACTION_ERROR);
              // mutateAsync: the accepted slot leaves the list before mutate's callbacks would run.
              respond.mutateAsync({ decision: 'accept', version: slot.version }).then(
                () => onDone(`Accepted: ${slot.title} with ${cccName}, ${when}`),
                (error: unknown) => {
                  setServer(readActionError(error, () => null));
                  setAttempt((n) => n + 1);
                },
              );
            }}
          >
            {respond.isPending ? 'Accepting…' : 'Accept'}
            <span className="nhsuk-u-visually-hidden">{hidden}</span>
          </Button>
          <ButtonLink variant="secondary" small to={`/sessions/${slot.id}?action=propose_slot`}>
            Propose another time<span className="nhsuk-u-visually-hidden">{hidden}</span>
          </ButtonLink>
        </ButtonGroup>
      </div>
    </li>
  );
}
