import type { ReleaseRequestView } from '@ccc/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useConfirmRelease } from '../api/confirm-release';
import { useDeclineRelease } from '../api/decline-release';
import { onReleaseChanged } from '../api/release-changed';
import { requestName } from '../utils/labels';
import { TEXT_RULES } from '@ccc/contracts';
import { requiredTextError } from '../../../utils/text-rules';

interface ReleaseDecisionProps {
  request: ReleaseRequestView;
  /** Whose request, for the buttons' names: "for Sam Taylor". */
  cccName: string;
  onDone: (message: string) => void;
}

type Mode = 'idle' | 'declining' | 'override';

const fieldFor = (field: string) =>
  field === 'overrideReason' ? 'overrideReason' : field === 'reason' ? 'reason' : null;

/**
 * Confirm in one click; Decline opens a reason field in place. Past the agreed cap the API asks for a reason to go
 * over, and the field to give it appears here.
 */
export function ReleaseDecision({ request, cccName, onDone }: ReleaseDecisionProps) {
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const confirm = useConfirmRelease(request.enrolmentId);
  const decline = useDeclineRelease(request.enrolmentId);
  const queryClient = useQueryClient();
  const pending = confirm.isPending || decline.isPending;
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const idPrefix = `release-${request.id}`;
  const name = requestName(request);
  const hidden = `: ${name}, for ${cccName}`;

  useEffect(() => {
    if (mode !== 'idle') fieldRef.current?.focus();
  }, [mode]);

  function fail(error: unknown) {
    const state = readActionError(error, fieldFor);
    setServer(state);
    if (state.fields['overrideReason']) setMode('override');
    else setAttempt((n) => n + 1);
  }

  function sendConfirm(withReason?: string) {
    if (pending) return;
    setServer(NO_ACTION_ERROR);
    // mutateAsync: the decided request leaves the list before mutate's callbacks would run.
    confirm
      .mutateAsync({ requestId: request.id, version: request.version, overrideReason: withReason })
      .then(() => onDone(`Confirmed: ${name}, for ${cccName}`), fail);
  }

  function handleOverride(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (overrideReason.trim().length < 3) {
      setClientError('Enter why this release may go past the time agreed');
      setAttempt((n) => n + 1);
      return;
    }
    setClientError(null);
    sendConfirm(overrideReason.trim());
  }

  function handleDecline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problem = requiredTextError(
      reason,
      TEXT_RULES.releaseDeclineReason,
      'Enter why this time cannot be released',
    );
    if (problem) {
      setClientError(problem);
      setAttempt((n) => n + 1);
      return;
    }
    setClientError(null);
    setServer(NO_ACTION_ERROR);
    decline
      .mutateAsync({ requestId: request.id, version: request.version, reason: reason.trim() })
      .then(() => onDone(`Declined: ${name}, for ${cccName}`), fail);
  }

  function close() {
    setMode('idle');
    setClientError(null);
    setServer(NO_ACTION_ERROR);
  }

  const general = server.general.length > 0 && (
    <ErrorSummary
      inList
      id={`${idPrefix}-errors`}
      errors={server.general.map((message) => ({ message }))}
      focusKey={mode === 'idle' ? attempt : 0}
    />
  );
  const stale = server.stale !== null && (
    <StaleVersionNotice
      what="request"
      message={server.stale}
      onReload={() => {
        close();
        void onReleaseChanged(queryClient, request.enrolmentId);
      }}
    />
  );

  if (mode === 'declining') {
    return (
      <ReasonForm
        id={`${idPrefix}-decline-reason`}
        label="Why can this time not be released?"
        error={clientError ?? server.fields['reason']}
        value={reason}
        onChange={setReason}
        onSubmit={handleDecline}
        onCancel={close}
        fieldRef={fieldRef}
        variant="warning"
        attempt={attempt}
        submitLabel={pending ? 'Sending…' : 'Decline'}
        pending={pending}
        hidden={hidden}
        notices={
          <>
            {stale}
            {general}
          </>
        }
      />
    );
  }

  if (mode === 'override') {
    return (
      <ReasonForm
        id={`${idPrefix}-override-reason`}
        label="Reason to go over the time agreed"
        hint={server.fields['overrideReason']}
        error={clientError ?? undefined}
        value={overrideReason}
        onChange={setOverrideReason}
        onSubmit={handleOverride}
        onCancel={close}
        fieldRef={fieldRef}
        variant="primary"
        attempt={attempt}
        submitLabel={pending ? 'Sending…' : 'Confirm with this reason'}
        pending={pending}
        hidden={hidden}
        notices={
          <>
            {stale}
            {general}
          </>
        }
      />
    );
  }

  return (
    <div className="app-decision">
      {stale}
      {general}
      <ButtonGroup>
        <Button small pending={pending} onClick={() => sendConfirm()}>
          {confirm.isPending ? 'Confirming…' : 'Confirm'}
          <span className="nhsuk-u-visually-hidden">{hidden}</span>
        </Button>
        <Button
          variant="secondary"
          small
          onClick={() => {
            setServer(NO_ACTION_ERROR);
            setMode('declining');
          }}
        >
          Decline<span className="nhsuk-u-visually-hidden">{hidden}</span>
        </Button>
      </ButtonGroup>
    </div>
  );
}

/**
 * The reason field that opens in place, to decline or to go over the cap: one textarea, submit and cancel. A failed
 * submit puts an error summary above it and moves focus there, as on any other form.
 */
function ReasonForm(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  fieldRef: RefObject<HTMLTextAreaElement | null>;
  variant: 'primary' | 'warning';
  attempt: number;
  submitLabel: string;
  pending: boolean;
  hidden: string;
  notices: ReactNode;
}) {
  return (
    <form className="app-decision" onSubmit={props.onSubmit} noValidate>
      {props.notices}
      <ErrorSummary
        inList
        id={`${props.id}-errors`}
        errors={props.error ? [{ message: props.error, fieldId: props.id }] : []}
        focusKey={props.attempt}
      />
      <FormField id={props.id} label={props.label} hint={props.hint} error={props.error}>
        {(control) => (
          <textarea
            {...control}
            ref={props.fieldRef}
            className={fieldClass('nhsuk-textarea', control)}
            rows={2}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )}
      </FormField>
      <ButtonGroup>
        <Button type="submit" variant={props.variant} small pending={props.pending}>
          {props.submitLabel}
          <span className="nhsuk-u-visually-hidden">{props.hidden}</span>
        </Button>
        <Button variant="secondary" small onClick={props.onCancel}>
          Cancel
        </Button>
      </ButtonGroup>
    </form>
  );
}
