import { ROLE_LABELS } from '@ccc/contracts';
import { useParams } from 'react-router';
import { Button } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { isApiClientError } from '../../../lib/api-client';
import { formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useAnswerRoleOffer, useRoleOffer } from '../api/role-offer';

/**
 * Opened from the e-mail offering a role to someone who already has an account, signed in as themself: nothing
 * changes until they accept; declining tells the administrator nothing more than that the invitation was answered.
 */
export function AcceptRolePage() {
  const { token = '' } = useParams();
  const offer = useRoleOffer(token);
  const answer = useAnswerRoleOffer(token);
  const status = offer.isError && isApiClientError(offer.error) ? offer.error.status : 0;
  const unusable = status === 404 || status === 410;
  const title = answer.isSuccess
    ? answer.variables
      ? 'You have accepted the role'
      : 'You have declined the role'
    : unusable
      ? 'This link no longer works'
      : 'A role is offered to you';
  useDocumentTitle(title);

  if (offer.isPending) {
    return (
      <>
        <h1>A role is offered to you</h1>
        <Loading label="Checking your link" />
      </>
    );
  }
  if (offer.isError) {
    return (
      <>
        <h1>{title}</h1>
        {unusable ? (
          <p>
            The link has been used already, has expired, or was sent to someone else. Check you are signed in with the
            email address it was sent to, or ask the programme administrator to send a new one.
          </p>
        ) : (
          <ErrorMessage title="There is a problem" error={offer.error}>
            <Button variant="secondary" onClick={() => void offer.refetch()}>
              Try again
            </Button>
          </ErrorMessage>
        )}
      </>
    );
  }
  if (answer.isSuccess) {
    return (
      <>
        <Confirmation title={title} />
        <h1>{title}</h1>
        <p>
          {answer.variables
            ? `You are now ${ROLE_LABELS[offer.data.role].toLowerCase()} in ${offer.data.organisationName}. Choose it in "Acting in" at the top of the page to work there.`
            : 'Nothing has changed in your account.'}
        </p>
        <ButtonLink to="/">Go to your home page</ButtonLink>
      </>
    );
  }
  return (
    <>
      <h1>{title}</h1>
      <p>
        You are offered the role of <strong>{ROLE_LABELS[offer.data.role]}</strong> in{' '}
        <strong>{offer.data.organisationName}</strong>. Nothing changes in your account until you accept. The offer
        stands until {formatDateTime(offer.data.expiresAt)}.
      </p>
      {answer.isError ? <ErrorMessage title="Your answer was not saved" error={answer.error} /> : null}
      <div className="nhsuk-button-group">
        <Button onClick={() => answer.mutate(true)} pending={answer.isPending}>
          Accept the role
        </Button>
        <Button variant="secondary" onClick={() => answer.mutate(false)} pending={answer.isPending}>
          Decline
        </Button>
      </div>
    </>
  );
}
