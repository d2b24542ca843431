import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/pages/sign-in-page';
import { AgendaPage } from '../features/agenda/pages/agenda-page';
import { CalendarFeedPage } from '../features/calendar-feed/pages/calendar-feed-page';
import { TimelinePage } from '../features/enrolments/pages/timeline-page';
import { ReleasePage } from '../features/release/pages/release-page';
import { RespondPage } from '../features/respond/pages/respond-page';
import { SessionPage } from '../features/sessions/pages/session-page';
import { RootLayout } from './layout/root-layout';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { RequireAuth } from './routes/require-auth';
import { RouteError } from './routes/route-error';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteError />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        // Opened from an e-mail without signing in: the token in the address is the credential.
        { path: '/respond/:token', element: <RespondPage /> },
        {
          element: <RequireAuth />,
          children: [
            { index: true, element: <HomeRoute /> },
            { path: '/enrolments/:enrolmentId', element: <TimelinePage /> },
            { path: '/enrolments/:enrolmentId/release', element: <ReleasePage /> },
            { path: '/sessions/:sessionId', element: <SessionPage /> },
            { path: '/agenda', element: <AgendaPage /> },
            { path: '/calendar', element: <CalendarFeedPage /> },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
