import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../../components/error-message';
import { isApiClientError } from '../../../lib/api-client';
import { useLogin } from '../api/login';
import { mapServerFieldErrors, validateSignIn, type SignInField } from '../utils/validate-sign-in';

interface SignInFormProps {
  onSuccess: () => void;
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
export function SignInForm({ onSuccess }: SignInFormProps) {
  const emailId = 'sign-in-email';
  const passwordId = 'sign-in-password';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const login = useLogin();

  const fieldIds: Record<SignInField, string> = { email: emailId, password: passwordId };
  const hasErrors = errors.general.length > 0 || Object.keys(errors.fields).length > 0;

  useEffect(() => {
    if (attempt > 0 && hasErrors) summaryRef.current?.focus();
  }, [attempt, hasErrors]);

  function showErrors(next: FormErrors) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const fieldErrors = validateSignIn({ email, password });
    if (Object.keys(fieldErrors).length > 0) {
      showErrors({ fields: fieldErrors, general: [] });
      return;
    }
    setErrors(NO_ERRORS);
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess,
        onError: (error) => {
          if (isApiClientError(error) && error.status === 401) {
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
      },
    );
  }

  function fieldClass(field: SignInField) {
    return errors.fields[field] ? 'form-group form-group--error' : 'form-group';
  }

  return (
    <form className="sign-in-form" onSubmit={handleSubmit} noValidate>
      {hasErrors && (
        <div
          className="error-summary"
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby={'sign-in-error-summary-title'}
        >
          <h2 className="error-summary__title" id={'sign-in-error-summary-title'}>
            There is a problem
          </h2>
          <ul className="error-summary__list">
            {errors.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
            {(Object.entries(errors.fields) as [SignInField, string][]).map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${fieldIds[field]}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldIds[field])?.focus();
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className={fieldClass('email')}>
        <label className="label" htmlFor={emailId}>
          Email address
        </label>
        {errors.fields.email && (
          <p className="field-error" id={`${emailId}-error`}>
            <span className="visually-hidden">Error:</span> {errors.fields.email}
          </p>
        )}
        <input
          className="input"
          id={emailId}
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          aria-invalid={errors.fields.email ? true : undefined}
          aria-describedby={errors.fields.email ? `${emailId}-error` : undefined}
        />
      </div>

      <div className={fieldClass('password')}>
        <label className="label" htmlFor={passwordId}>
          Password
        </label>
        {errors.fields.password && (
          <p className="field-error" id={`${passwordId}-error`}>
            <span className="visually-hidden">Error:</span> {errors.fields.password}
          </p>
        )}
        <input
          className="input"
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          aria-invalid={errors.fields.password ? true : undefined}
          aria-describedby={errors.fields.password ? `${passwordId}-error` : undefined}
        />
      </div>

      <button className="button" type="submit" aria-disabled={login.isPending || undefined}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
