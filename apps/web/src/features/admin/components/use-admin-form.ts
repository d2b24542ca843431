import { useState } from 'react';
import type { SummaryError } from '../../../components/error-summary';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import type { Errors } from '../utils/forms';

/**
 * The state every administration form shares: its values, whether to show the checks' errors (after the first
 * submit), the API's answer to the last attempt, and a counter that moves focus to the error summary.
 */
export function useAdminForm<V extends object, F extends string>(
  empty: V,
  validate: (values: V) => Errors<F>,
  fieldIds: Record<F, string>,
  fieldFor: (serverField: string) => F | null,
) {
  const [values, setValues] = useState<V>(empty);
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const errors: Errors<F> = { ...(server.fields as Errors<F>), ...(showErrors ? validate(values) : {}) };

  function update<K extends keyof V>(field: K, value: V[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setServer((current) => {
      const fields = { ...current.fields };
      delete fields[field as string];
      return { ...current, fields };
    });
  }

  /** True when the form may be sent; otherwise shows the errors and moves focus to the summary. */
  function check(): boolean {
    if (Object.keys(validate(values)).length === 0) return true;
    setShowErrors(true);
    setAttempt((n) => n + 1);
    return false;
  }

  function fail(error: unknown) {
    setServer(readActionError(error, fieldFor));
    setAttempt((n) => n + 1);
  }

  function reset() {
    setValues(empty);
    setShowErrors(false);
    setServer(NO_ACTION_ERROR);
  }

  const summary: SummaryError[] = [
    ...server.general.map((message) => ({ message })),
    ...(Object.keys(fieldIds) as F[])
      .filter((field) => errors[field])
      .map((field) => ({ message: errors[field] as string, fieldId: fieldIds[field] })),
  ];

  return { values, update, errors, summary, attempt, check, fail, reset, stale: server.stale };
}
