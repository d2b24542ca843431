import { useState, type FormEvent } from 'react';
import type { SummaryError } from '../components/error-summary';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../utils/action-error';

export type FormErrors<V> = Partial<Record<keyof V & string, string>>;

/** A form's own check: the errors to show, and the request to send when there are none. */
export type FormCheck<V, R> = (values: V) => { errors: FormErrors<V>; request: R | null };

interface FormOptions<V, R> {
  initial: V;
  /** Field ids are `${idPrefix}-${field}`: the error summary links to them. */
  idPrefix: string;
  /** The fields, in the order they appear: the error summary lists their errors in that order. */
  fields: readonly (keyof V & string)[];
  check: FormCheck<V, R>;
  /** True while the write is in flight: a second submit is then ignored. */
  pending: boolean;
  /** The API's field name for each of the form's fields that it names differently. */
  serverFields?: Record<string, keyof V & string>;
  /** How the form speaks of a field ("the notes"), for the API's generic reasons put in plain English. */
  names?: FormErrors<V>;
}

/**
 * The one way a form keeps its state: its values; its own check, shown once a submit has failed it; the API's
 * `errors: [{field, reason}]` on the fields they name (the rest above the form); the error summary's lines and a
 * counter that moves focus to it after every failed submit; and a submit that is sent once.
 */
export function useForm<V extends object, R>({
  initial,
  idPrefix,
  fields,
  check,
  pending,
  serverFields = {},
  names = {},
}: FormOptions<V, R>) {
  const [values, setValues] = useState<V>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);

  const client: FormErrors<V> = showErrors ? check(values).errors : {};
  const errors: FormErrors<V> = { ...(server.fields as FormErrors<V>), ...client };
  const fieldId = (field: keyof V & string) => `${idPrefix}-${field}`;

  const summary: SummaryError[] = [
    ...server.general.map((message) => ({ message })),
    ...fields
      .filter((field) => errors[field])
      .map((field) => ({ message: errors[field] as string, fieldId: fieldId(field) })),
  ];

  function update<K extends keyof V & string>(field: K, value: V[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setServer((previous) => {
      if (!(field in previous.fields)) return previous;
      const next = { ...previous.fields };
      delete next[field];
      return { ...previous, fields: next };
    });
  }

  /** Takes the API's refusal of the last attempt. */
  function fail(cause: unknown) {
    const known = new Set<string>(fields);
    setServer(
      readActionError(
        cause,
        (field) => serverFields[field] ?? (known.has(field) ? field : null),
        names as Record<string, string>,
      ),
    );
    setAttempt((n) => n + 1);
  }

  /** The form's onSubmit: checks, then hands the request to `send` (which calls `fail` when the API refuses it). */
  function handleSubmit(send: (request: R, fail: (cause: unknown) => void) => void) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (pending) return;
      const { request } = check(values);
      if (!request) {
        setShowErrors(true);
        setAttempt((n) => n + 1);
        return;
      }
      setServer(NO_ACTION_ERROR);
      send(request, fail);
    };
  }

  /** Back to a fresh form (after a success). */
  function reset(next: V = initial) {
    setValues(next);
    setShowErrors(false);
    setServer(NO_ACTION_ERROR);
  }

  return {
    values,
    update,
    errors,
    summary,
    attempt,
    fieldId,
    /** Set when someone else changed the record first: the API's message. */
    stale: server.stale,
    conflict: server.conflict,
    fail,
    reset,
    handleSubmit,
  };
}
