import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadPages } from './app/router';
import { restoreSession } from './lib/auth-store';
// The NHS.UK design system's compiled styles first, then the few project-specific additions. The markup comes from
// thin components of our own (src/components) rather than nhsuk-react-components: its components start
// nhsuk-frontend's scripts, which move focus themselves and refuse to run without a class that nhsuk-frontend's page
// template sets from an inline script, which this service's Content-Security-Policy does not allow.
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './styles/main.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

// A reload keeps the person signed in: their refresh cookie is exchanged for an access token before the first
// render, so guarded routes do not bounce them to the sign-in page and back.
void restoreSession().finally(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The other pages' code, in the background once this one is up.
  window.setTimeout(() => void preloadPages(), 1500);
});
