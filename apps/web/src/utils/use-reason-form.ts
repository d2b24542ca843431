import { useState, type FormEvent } from 'react';
import type { SummaryError } from '../components/error-summary';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from './action-error';

interface ReasonFormOptions {
  /** The id of the reason's field, which the error summary links to. */
  fieldId: string;
  /** The form's own check of the reason: the message to show, or null when it may be sent. */
  validate: (reason: string) => string | null;
  /** True while the write is in flight: a second submit is then ignored. */
  pending: boolean;
  /** Sends the trimmed reason; `fail` takes the error when the API refuses it. */
  send: (reason: string, fail: (cause: unknown) => void) => void;
}

/**
 * The reason's error: the API's answer to the last attempt first, else the form's own check once a submit has failed
 * it.
 */
export function reasonError(
  server: ActionErrorState,
  clientError: string | null,
  showErrors: boolean,
): string | undefined {
  return server.fields['reason'] ?? (showErrors ? clientError : null) ?? undefined;
}

/** The error summary's lines: the API's errors that belong to no field, then the reason's, linked to its field. */
export function reasonSummary(server: ActionErrorState, error: string | undefined, fieldId: string): SummaryError[] {
  return [...server.general.map((message) => ({ message })), ...(error ? [{ message: error, fieldId }] : [])];
}

/**
 * A form with one required reason (withdrawing, cancelling, erasing): the reason, its checks, the API's answer to the
 * last attempt, and a counter that moves focus to the error summary after every failed submit. The form keeps its own
 * words, ids and write.
 */
export function useReasonForm({ fieldId, validate, pending, send }: ReasonFormOptions) {
  const [reason, setReason] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const error = reasonError(server, validate(reason), showErrors);

  function fail(cause: unknown) {
    setServer(readActionError(cause, (field) => (field === 'reason' ? 'reason' : null)));
    setAttempt((n) => n + 1);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (validate(reason)) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    send(reason.trim(), fail);
  }

  return {
    reason,
    setReason,
    error,
    summary: reasonSummary(server, error, fieldId),
    attempt,
    /** Set when someone else changed the record first: the API's message. */
    stale: server.stale,
    /** Forgets the API's error about the reason (the reason has changed since). */
    clearReasonError: () => setServer((previous) => ({ ...previous, fields: {} })),
    /** Forgets all of the API's answer to the last attempt. */
    clearServerErrors: () => setServer(NO_ACTION_ERROR),
    handleSubmit,
  };
}
