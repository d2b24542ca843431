import type { LoginRequest, SsoProviderRef } from '@ccc/contracts';
import { ErrorSummary } from '../../../components/error-summary';
import type { SignOutReason } from '../../../lib/auth-store';
import { SignInForm } from './sign-in-form';
import { SsoSignIn } from './sso-sign-in';

interface SignInContentProps {
  /** Why a single sign-on was refused (`?sso_error=`), in words; null when it was not. */
  ssoError: string | null;
  /** Why the last session ended in this page, if it did. */
  ended: SignOutReason | null;
  /** Back from the NHS account service's sign-out (`?state=signed_out`). */
  signedOutThere: boolean;
  providers: readonly SsoProviderRef[] | undefined;
  signIn: (credentials: LoginRequest) => Promise<void>;
}

function Notice({ children }: { children: string }) {
  return (
    <div className="nhsuk-inset-text" role="status">
      <p>{children}</p>
    </div>
  );
}

/**
 * The sign-in page's content, with neither the router nor React Query: the SPA's routed page (pages/sign-in-page.tsx)
 * and the sign-in page opened first (app/sign-in-shell.tsx) show the same.
 */
export function SignInContent({ ssoError, ended, signedOutThere, providers, signIn }: SignInContentProps) {
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
        {ended === 'expired' && <Notice>Your session has ended. Sign in again to carry on.</Notice>}
        {(ended === 'signed_out' || signedOutThere) && <Notice>You have signed out.</Notice>}
        <p className="nhsuk-body-l">
          Sign in to see supervision sessions, training and progress in the Cancer Care Coordinator programme.
        </p>
        <SsoSignIn providers={providers} />
        <SignInForm signIn={signIn} />
      </div>
    </div>
  );
}
