import { Navigate, useLocation, useNavigate } from 'react-router';
import { getSignOutReason, useAuthToken } from '../../../lib/auth-store';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { SignInForm } from '../components/sign-in-form';
import { safeRedirect } from '../utils/safe-redirect';

interface FromState {
  from?: string;
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const token = useAuthToken();
  const location = useLocation();
  const navigate = useNavigate();
  const reason = getSignOutReason();
  const redirectTo = safeRedirect((location.state as FromState | null)?.from);

  if (token) return <Navigate to={redirectTo} replace />;

  return (
    <div className="narrow-page">
      <h1>Sign in</h1>
      {reason === 'expired' && (
        <div className="notice" role="status">
          Your session has ended. Sign in again to carry on.
        </div>
      )}
      {reason === 'signed_out' && (
        <div className="notice" role="status">
          You have signed out.
        </div>
      )}
      <p className="lead">
        Sign in to see supervision sessions, training and progress in the Cancer Care Coordinator programme.
      </p>
      <SignInForm onSuccess={() => navigate(redirectTo, { replace: true })} />
    </div>
  );
}
