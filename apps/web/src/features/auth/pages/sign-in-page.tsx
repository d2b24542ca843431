import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { getSignOutReason, useAuthToken } from '../../../lib/auth-store';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useLogin } from '../api/login';
import { useSsoProviders } from '../api/sso-providers';
import { SignInContent } from '../components/sign-in-content';
import { ssoErrorMessage } from '../utils/sso-errors';
import { safeRedirect } from '../utils/safe-redirect';

interface FromState {
  from?: string;
}

/**
 * The sign-in page as a route of the SPA: where a guarded page or signing out sends the person. A fresh load of
 * /sign-in shows app/sign-in-shell.tsx instead, which needs less code.
 */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const token = useAuthToken();
  const location = useLocation();
  const navigate = useNavigate();
  const reason = getSignOutReason();
  const [searchParams] = useSearchParams();
  const providers = useSsoProviders();
  const login = useLogin();
  // Set by the API when a single sign-on was refused; by the NHS account service after it signed the person out.
  const ssoError = ssoErrorMessage(searchParams.get('sso_error'));
  const signedOutThere = searchParams.get('state') === 'signed_out';
  const redirectTo = safeRedirect((location.state as FromState | null)?.from);

  if (token) return <Navigate to={redirectTo} replace />;

  return (
    <SignInContent
      ssoError={ssoError}
      ended={reason}
      signedOutThere={signedOutThere}
      providers={providers.data}
      signIn={async (credentials) => {
        await login.mutateAsync(credentials);
        void navigate(redirectTo, { replace: true });
      }}
    />
  );
}
