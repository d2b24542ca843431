import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/error-summary';
import { getSignOutReason, useAuthToken } from '../../../lib/auth-store';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { SignInForm } from '../components/sign-in-form';
import { SsoSignIn } from '../components/sso-sign-in';
import { ssoErrorMessage } from '../utils/sso-errors';
import { safeRedirect } from '../utils/safe-redirect';

interface FromState {
  from?: string;
}

function Notice({ children }: { children: string }) {
  return (
    <div className="nhsuk-inset-text" role="status">
      <p>{children}</p>
    </div>
  );
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const token = useAuthToken();
  const location = useLocation();
  const navigate = useNavigate();
  const reason = getSignOutReason();
  const [searchParams] = useSearchParams();
  // Set by the API when a single sign-on was refused; by the NHS account service after it signed the person out.
  const ssoError = ssoErrorMessage(searchParams.get('sso_error'));
  const signedOutThere = searchParams.get('state') === 'signed_out';
  const redirectTo = safeRedirect((location.state as FromState | null)?.from);

  if (token) return <Navigate to={redirectTo} replace />;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {ssoError && (
          <ErrorSummary
            id="sso-error-summary"
            title="You could not be signed in"
            errors={[{ message: ssoError }]}
            focusKey={1}
          />
        )}
        <h1>Sign in</h1>
        {reason === 'expired' && <Notice>Your session has ended. Sign in again to carry on.</Notice>}
        {(reason === 'signed_out' || signedOutThere) && <Notice>You have signed out.</Notice>}
        <p className="nhsuk-body-l">
          Sign in to see supervision sessions, training and progress in the Cancer Care Coordinator programme.
        </p>
        <SsoSignIn />
        <SignInForm onSuccess={() => void navigate(redirectTo, { replace: true })} />
      </div>
    </div>
  );
}
