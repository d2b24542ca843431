import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreSession } from './lib/auth-store';
import './styles/main.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

// A reload keeps the person signed in: their refresh cookie is exchanged for an access token before the first
// render, so guarded routes do not bounce them to the sign-in page and back.
void restoreSession().finally(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
