import { requiredTextProblem, type TextRule } from '@ccc/contracts';

/**
 * A form's check of a required text, by the API's own rule (`TEXT_RULES` in libs/contracts): the message to show,
 * or null when it may be sent. `ask` says what to enter ("Say why the session is being cancelled"); `noun` names
 * the field in the other messages ("reason").
 */
export function requiredTextError(value: string, rule: TextRule, ask: string, noun = 'reason'): string | null {
  switch (requiredTextProblem(value, rule)) {
    case null:
      return null;
    case 'missing':
      return ask;
    case 'short':
      return `${ask}, in at least ${rule.min} characters`;
    case 'long':
      return `The ${noun} must be ${rule.max.toLocaleString('en-GB')} characters or fewer`;
    case 'control':
      return `The ${noun} must not contain control characters`;
  }
}
