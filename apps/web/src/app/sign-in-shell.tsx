import type { LoginRequest, LoginResponse, SsoProviderRef } from '@ccc/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ConnectionNotice } from '../components/connection-notice';
import { getSsoProviders, login } from '../features/auth/api/sign-in-requests';
import { SignInContent } from '../features/auth/components/sign-in-content';
import { safeRedirect } from '../features/auth/utils/safe-redirect';
import { ssoErrorMessage } from '../features/auth/utils/sso-errors';
import { setAuth } from '../lib/auth-store';
import { useDocumentTitle } from '../utils/use-document-title';
import { PlainLink, SiteFooter, SiteHeader, SkipLink } from './layout/frame';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Asked once per page, however often React runs the effect (StrictMode runs it twice). */
let providersRequest: Promise<SsoProviderRef[] | undefined> | undefined;
const loadProviders = () => (providersRequest ??= getSsoProviders().catch(() => undefined));

interface SignInShellProps {
  /** Signed in: the SPA takes over at `to` (resolves once it shows). */
  onSignedIn: (signedIn: LoginResponse, to: string) => Promise<void>;
  /** The person has started on the form: the SPA's code may be fetched now. */
  onInteract: () => void;
}

/**
 * The sign-in page when it is the first page opened (a bookmark, a link, the way back from an NHS account service):
 * the same frame and form as the SPA's sign-in route, drawn with React alone. The router, React Query and the pages
 * are not needed to sign in, so they are fetched once the person starts on the form, and the SPA takes over after
 * signing in (main.tsx). Links here are plain ones (a full page load).
 */
export function SignInShell({ onSignedIn, onInteract }: SignInShellProps) {
  useDocumentTitle('Sign in');
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  const [providers, setProviders] = useState<SsoProviderRef[]>();
  useEffect(() => {
    let shown = true;
    void loadProviders().then((list) => shown && setProviders(list));
    return () => {
      shown = false;
    };
  }, []);
  const search = new URLSearchParams(window.location.search);
  // Where a guarded page sent the person from, should they have reloaded the sign-in page it sent them to (the
  // router keeps its navigation state in history.state.usr).
  const from = (window.history.state as { usr?: { from?: unknown } } | null)?.usr?.from;

  async function signIn(credentials: LoginRequest): Promise<void> {
    const signedIn = await login(credentials);
    setAuth(signedIn.accessToken, signedIn.expiresIn);
    await onSignedIn(signedIn, safeRedirect(from));
  }

  return (
    <>
      <SkipLink />
      <SiteHeader link={PlainLink} />
      <div className="nhsuk-width-container app-width-container">
        <main className="nhsuk-main-wrapper" id="main-content" tabIndex={-1} onFocus={onInteract}>
          <ConnectionNotice state={online ? 'online' : 'offline'} />
          <SignInContent
            ssoError={ssoErrorMessage(search.get('sso_error'))}
            ended={null}
            signedOutThere={search.get('state') === 'signed_out'}
            providers={providers}
            signIn={signIn}
          />
        </main>
      </div>
      <SiteFooter link={PlainLink} />
    </>
  );
}
