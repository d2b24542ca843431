import { useState, type FormEvent } from 'react';
import type { LoginRequest } from '@ccc/contracts';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { ErrorSummary, type SummaryError } from '../../../components/error-summary';
import { TextInput } from '../../../components/inputs';
import { isApiClientError } from '../../../lib/api-client';
import { mapServerFieldErrors, validateSignIn, type SignInField } from '../utils/validate-sign-in';

interface SignInFormProps {
  /**
   * Signs in with the credentials and moves on; rejects with the API's refusal. A function rather than a React Query
   * mutation, so that the sign-in page opened first (app/sign-in-shell.tsx) needs neither React Query nor the router.
   */
  signIn: (credentials: LoginRequest) => Promise<void>;
}

interface FormErrors {
  fields: Partial<Record<SignInField, string>>;
  /** Errors that belong to no one field, e.g. wrong credentials. */
  general: string[];
}

const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/**
 * Email and password, with an error summary at the top (announced and focused after a failed submit, linking to each
 * field at fault) and each field's own message tied to it with aria-describedby.
 */
export function SignInForm({ signIn }: SignInFormProps) {
  const emailId = 'sign-in-email';
  const passwordId = 'sign-in-password';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  const fieldIds: Record<SignInField, string> = { email: emailId, password: passwordId };

  function showErrors(next: FormErrors) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const fieldErrors = validateSignIn({ email, password });
    if (Object.keys(fieldErrors).length > 0) {
      showErrors({ fields: fieldErrors, general: [] });
      return;
    }
    setErrors(NO_ERRORS);
    setPending(true);
    signIn({ email: email.trim(), password }).then(
      () => setPending(false),
      (error: unknown) => {
        setPending(false);
        if (isApiClientError(error) && error.status === 401 && error.reason === 'sso_required') {
          // The right password, but this person must use their NHS account: the API's message names the button.
          showErrors({ fields: {}, general: [error.message] });
        } else if (isApiClientError(error) && error.status === 401) {
          showErrors({
            fields: {},
            general: ['The email address or password is not right. Check them and try again.'],
          });
        } else if (isApiClientError(error) && error.fieldErrors.length > 0) {
          const mapped = mapServerFieldErrors(error.fieldErrors);
          showErrors({ fields: mapped.fields, general: mapped.other });
        } else {
          showErrors({ fields: {}, general: [describeError(error)] });
        }
        setPassword('');
      },
    );
  }

  const summary: SummaryError[] = [
    ...errors.general.map((message) => ({ message })),
    ...(Object.entries(errors.fields) as [SignInField, string][]).map(([field, message]) => ({
      message,
      fieldId: fieldIds[field],
    })),
  ];

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorSummary id="sign-in-error-summary" errors={summary} focusKey={attempt} />

      <TextInput
        id={emailId}
        label="Email address"
        error={errors.fields.email}
        name="email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="none"
        value={email}
        onChange={(value) => setEmail(value)}
      />

      <TextInput
        id={passwordId}
        label="Password"
        error={errors.fields.password}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(value) => setPassword(value)}
      />

      <Button type="submit" pending={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
