import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Button } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage } from '../../../components/error-message';
import { ErrorSummary } from '../../../components/error-summary';
import { TextInput } from '../../../components/inputs';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiClientError } from '../../../lib/api-client';
import { formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useInvitation } from '../api/get-invitation';
import { useSetPassword } from '../api/set-password';
import { MIN_PASSWORD, validateNewPassword } from '../utils/forms';

const FIELD_IDS = { password: 'new-password', confirm: 'confirm-password' } as const;

/** Opened from the invitation e-mail, without signing in: the person sets their password once, then signs in. */
export function SetPasswordPage() {
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const save = useSetPassword(token);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const status = invitation.isError && isApiClientError(invitation.error) ? invitation.error.status : 0;
  const unusable = status === 404 || status === 410;
  const title = save.isSuccess
    ? 'Your password is set'
    : unusable
      ? 'This link no longer works'
      : invitation.isError
        ? 'The invitation could not be loaded'
        : 'Set your password';
  useDocumentTitle(title);

  if (invitation.isPending) {
    return (
      <>
        <h1>Set your password</h1>
        <Loading label="Checking your link" />
      </>
    );
  }
  if (invitation.isError) {
    return (
      <>
        <h1>{title}</h1>
        {unusable ? (
          <p>
            The link has been used already, has expired, or is not complete. Ask the programme administrator to send you
            a new one.
          </p>
        ) : (
          <ErrorMessage title="There is a problem" error={invitation.error}>
            <Button variant="secondary" onClick={() => void invitation.refetch()}>
              Try again
            </Button>
          </ErrorMessage>
        )}
      </>
    );
  }
  if (save.isSuccess) {
    return (
      <>
        <Confirmation title="Your password is set" />
        <h1>{title}</h1>
        <p>Sign in with your email address, {invitation.data.email}, and the password you chose.</p>
        <ButtonLink to="/sign-in">Sign in</ButtonLink>
      </>
    );
  }

  const errors = showErrors ? validateNewPassword(password, confirm) : {};
  const serverError = save.isError
    ? isApiClientError(save.error) && save.error.fieldErrors[0]
      ? `The password ${save.error.fieldErrors[0].reason.replace(/^password\s*/i, '')}`
      : isApiClientError(save.error) && save.error.status === 410
        ? 'This link has been used already or has expired. Ask for a new one.'
        : save.error instanceof Error
          ? save.error.message
          : 'The password could not be set'
    : null;
  const summary = [
    ...(serverError ? [{ message: serverError }] : []),
    ...(['password', 'confirm'] as const)
      .filter((field) => errors[field])
      .map((field) => ({ message: errors[field] as string, fieldId: FIELD_IDS[field] })),
  ];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    if (Object.keys(validateNewPassword(password, confirm)).length > 0) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate({ password }, { onError: () => setAttempt((n) => n + 1) });
  }

  return (
    <>
      <PageHeading caption={invitation.data.fullName}>Set your password</PageHeading>
      <p>
        You have been invited to the programme as {invitation.data.email}. This link works once, until{' '}
        {formatDateTime(invitation.data.expiresAt)}.
      </p>
      <form onSubmit={handleSubmit} noValidate>
        <ErrorSummary id="password-errors" errors={summary} focusKey={attempt} />
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.data.email} />
        <TextInput
          id={FIELD_IDS.password}
          label="New password"
          hint={`At least ${MIN_PASSWORD} characters. A few words you will remember are easier than symbols.`}
          error={errors.password}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(value) => setPassword(value)}
        />
        <TextInput
          id={FIELD_IDS.confirm}
          label="Type the password again"
          error={errors.confirm}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(value) => setConfirm(value)}
        />
        <Button type="submit" pending={save.isPending}>
          {save.isPending ? 'Saving…' : 'Set password'}
        </Button>
      </form>
    </>
  );
}
