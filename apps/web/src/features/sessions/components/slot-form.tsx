import type { SessionView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { formatDateTime } from '../../../utils/format';
import { londonDateTime } from '../../../utils/london-time';
import { useRespondAsAlliance } from '../api/respond-as-alliance';
import { useRespondAsPcn } from '../api/respond-as-pcn';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { checkSlot, type SlotValues } from '../../../utils/booking-form';
import { ConflictNotice } from './conflict-notice';
import { DateTimeFields } from '../../../components/date-time-fields';

interface SlotFormProps {
  session: SessionView;
  /** The PCN supervisor proposes a time; the Alliance supervisor counters the PCN's proposal. */
  kind: 'propose_slot' | 'counter_proposal';
  onDone: (view: SessionView) => void;
  onReload: () => void;
  onClose: () => void;
}

function slotFieldFor(field: string): string | null {
  if (field === 'proposedStartsAt' || field === 'startsAt') return 'date';
  return null;
}

/** Another date and time for the session, in UK time. */
export function SlotForm({ session, kind, onDone, onReload, onClose }: SlotFormProps) {
  const idPrefix = kind === 'propose_slot' ? 'propose' : 'counter';
  const current = kind === 'propose_slot' ? session.startsAt : session.proposedStartsAt;
  const [values, setValues] = useState<SlotValues>(() => (current ? londonDateTime(current) : { date: '', time: '' }));
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const pcn = useRespondAsPcn(session.id);
  const alliance = useRespondAsAlliance(session.id);
  const pending = pcn.isPending || alliance.isPending;

  const clientErrors = showErrors ? checkSlot(values).errors : {};
  const errors: Partial<Record<keyof SlotValues, string>> = { ...server.fields, ...clientErrors };

  function update(field: keyof SlotValues, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setServer((previous) => ({ ...previous, fields: {}, conflict: null }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const slot = checkSlot(values);
    if (!slot.startsAt) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    const options = {
      onSuccess: onDone,
      onError: (error: unknown) => {
        setServer(readActionError(error, slotFieldFor));
        setAttempt((n) => n + 1);
      },
    };
    if (kind === 'propose_slot') {
      pcn.mutate({ decision: 'propose', proposedStartsAt: slot.startsAt, version: session.version }, options);
    } else {
      alliance.mutate({ decision: 'counter', startsAt: slot.startsAt, version: session.version }, options);
    }
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...(Object.entries(errors) as [keyof SlotValues, string][]).map(([field, message]) => ({
      message,
      fieldId: `${idPrefix}-${field}`,
    })),
  ];

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
      <ErrorSummary id={`${idPrefix}-errors`} errors={summary} focusKey={attempt} />
      {server.conflict && <ConflictNotice conflict={server.conflict} canOverride={false} />}
      {current && (
        <p>
          {kind === 'propose_slot' ? 'The time offered is' : 'The PCN supervisor proposed'}{' '}
          <strong>
            <time dateTime={current}>{formatDateTime(current)}</time>
          </strong>
          . Choose another date and time, in UK time.
        </p>
      )}
      <DateTimeFields idPrefix={idPrefix} values={values} errors={errors} onChange={update} />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit" aria-disabled={pending || undefined}>
          {pending ? 'Sending…' : kind === 'propose_slot' ? 'Propose this time' : 'Offer this time'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
