import type { FieldError } from '../../../lib/api-client';

export type SignInField = 'email' | 'password';

export interface SignInValues {
  email: string;
  password: string;
}

/** Checks the form before it is sent, with messages that say how to put it right. */
export function validateSignIn(values: SignInValues): Partial<Record<SignInField, string>> {
  const errors: Partial<Record<SignInField, string>> = {};
  const email = values.email.trim();
  if (!email) errors.email = 'Enter your email address';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = 'Enter an email address in the correct format, like name@example.org';
  if (!values.password) errors.password = 'Enter your password';
  return errors;
}

/** The API's field errors, mapped onto the form's fields; any others are returned apart. */
export function mapServerFieldErrors(fieldErrors: FieldError[]): {
  fields: Partial<Record<SignInField, string>>;
  other: string[];
} {
  const fields: Partial<Record<SignInField, string>> = {};
  const other: string[] = [];
  for (const { field, reason } of fieldErrors) {
    if (field === 'email' || field === 'password') {
      // One message per field is enough; the first is the most basic.
      fields[field] ??= capitalise(reason);
    } else {
      other.push(capitalise(reason));
    }
  }
  return { fields, other };
}

function capitalise(text: string): string {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
