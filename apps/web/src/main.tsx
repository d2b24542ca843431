import type { MeResponse } from '@ccc/contracts';
import { StrictMode, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { SignInShell } from './app/sign-in-shell';
import { getToken, restoreSession } from './lib/auth-store';
// The NHS.UK design system's compiled styles first, then the few project-specific additions. The markup comes from
// thin components of our own (src/components) rather than nhsuk-react-components: its components start
// nhsuk-frontend's scripts, which move focus themselves and refuse to run without a class that nhsuk-frontend's page
// template sets from an inline script, which this service's Content-Security-Policy does not allow.
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './styles/main.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');
const root = createRoot(container);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

/**
 * The SPA itself (router, React Query, the pages' routes) is a chunk of its own, so that the sign-in page opened
 * first needs React alone (issue #17: under 100 KB of gzipped JS; the browser test "loads the sign-in page with
 * under 100 KB" holds it). Fetched once.
 */
let appCode: Promise<typeof import('./app/App')> | undefined;
const loadApp = () => (appCode ??= import('./app/App'));

async function showApp(me?: MeResponse): Promise<void> {
  const { App, preloadPages } = await loadApp();
  // At once, so that focus can move into the page it draws.
  flushSync(() => render(<App me={me} />));
  // The other pages' code, in the background once this one is up.
  window.setTimeout(() => void preloadPages(), 1500);
}

const signInFirst = /^\/sign-in\/?$/.test(window.location.pathname);
// Any other page needs the SPA: its code comes while the session is restored.
if (!signInFirst) void loadApp();

// A reload keeps the person signed in: their refresh cookie is exchanged for an access token before the first
// render, so guarded routes do not bounce them to the sign-in page and back.
void restoreSession().finally(() => {
  if (!signInFirst || getToken() !== null) {
    void showApp();
    return;
  }
  render(
    <SignInShell
      onInteract={() => void loadApp()}
      onSignedIn={async (signedIn, to) => {
        await loadApp();
        window.history.replaceState(null, '', to);
        await showApp(signedIn.me);
        // As after any move to another page in the SPA (RootLayout): a screen reader starts reading the new page.
        document.getElementById('main-content')?.focus();
      }}
    />,
  );
});
