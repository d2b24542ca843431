import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { ButtonLink } from '../../../components/button-link';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { isApiClientError } from '../../../lib/api-client';
import { done, publicContract } from '../../../lib/contract-client';
import { useDocumentTitle } from '../../../utils/use-document-title';

/** Opened from the e-mail sent to a new address: following the link confirms it (the token is the credential). */
export function ConfirmEmailPage() {
  const { token = '' } = useParams();
  const confirm = useMutation({
    mutationFn: () => done(publicContract.POST('/api/email-confirmations/{token}', { params: { path: { token } } })),
  });
  const { mutate } = confirm;
  // Once per page, even where React runs effects twice: the link works once.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);
  const status = confirm.isError && isApiClientError(confirm.error) ? confirm.error.status : 0;
  const title = confirm.isSuccess
    ? 'Your new e-mail address is confirmed'
    : status === 404 || status === 410
      ? 'This link no longer works'
      : 'Confirming your new e-mail address';
  useDocumentTitle(title);

  if (confirm.isSuccess) {
    return (
      <>
        <h1>{title}</h1>
        <Confirmation title="Sign in with your new e-mail address from now on" headingLevel={2} />
        <ButtonLink to="/sign-in">Sign in</ButtonLink>
      </>
    );
  }
  if (confirm.isError) {
    return (
      <>
        <h1>{title}</h1>
        {status === 404 || status === 410 ? (
          <p>The link has been used already, has expired, or was replaced. Ask your programme administrator.</p>
        ) : (
          <ErrorMessage title="There is a problem" error={confirm.error} />
        )}
      </>
    );
  }
  return (
    <>
      <h1>{title}</h1>
      <Loading label="Confirming your new e-mail address" />
    </>
  );
}
