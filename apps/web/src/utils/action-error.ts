import { describeError } from '../components/error-message';
import { isApiClientError, isStaleVersion, type SessionConflict } from '../lib/api-client';
import { plainReason, readableDates } from './plain-messages';

/** What a failed session write means for the form that sent it. */
export interface ActionErrorState {
  /** Field errors, by the form's own field keys. */
  fields: Record<string, string>;
  /** Errors that belong to no field. */
  general: string[];
  /** The other session a booking clashes with. */
  conflict: SessionConflict | null;
  /** Set when someone else changed the session first: the API's message. */
  stale: string | null;
}

export const NO_ACTION_ERROR: ActionErrorState = { fields: {}, general: [], conflict: null, stale: null };

/**
 * What a failed write means for a form: `fieldFor` maps the API's field names to the form's keys (null: no field of
 * this form), `names` says how the form speaks of each of its fields ("the notes"), for the plain-English messages
 * that replace the API's generic ones.
 */
export function readActionError(
  error: unknown,
  fieldFor: (serverField: string) => string | null,
  names: Record<string, string> = {},
): ActionErrorState {
  if (isStaleVersion(error)) return { ...NO_ACTION_ERROR, stale: isApiClientError(error) ? error.message : '' };
  if (isApiClientError(error) && error.status === 409 && error.conflict) {
    return { ...NO_ACTION_ERROR, conflict: error.conflict };
  }
  if (isApiClientError(error) && error.fieldErrors.length > 0) {
    const fields: Record<string, string> = {};
    const general: string[] = [];
    for (const { field, reason, rawReason } of error.fieldErrors) {
      const key = fieldFor(field);
      if (key) fields[key] ??= plainReason(field, rawReason ?? reason, names[key]);
      else general.push(plainReason(field, rawReason ?? reason));
    }
    return { ...NO_ACTION_ERROR, fields, general };
  }
  return { ...NO_ACTION_ERROR, general: [readableDates(describeError(error))] };
}
