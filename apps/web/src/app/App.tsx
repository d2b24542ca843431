import type { MeResponse } from '@ccc/contracts';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from './providers';
import { createRouter } from './router';

export { preloadPages } from './router';

/** The SPA: its router over every page. `me`: who has just signed in on the sign-in page opened first. */
export function App({ me }: { me?: MeResponse }) {
  const [router] = useState(createRouter);
  return (
    <AppProvider me={me}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
