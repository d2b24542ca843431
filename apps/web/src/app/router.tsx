import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/loading';
import { RootLayout } from './layout/root-layout';
import { NotFoundRoute } from './routes/not-found';
import { RequireAuth } from './routes/require-auth';
import { RouteError } from './routes/route-error';

/**
 * Each page is its own chunk, fetched when its route is first opened: the sign-in page does not carry the cohort
 * report's charts. Meanwhile a polite status says the page is loading.
 */
const loaders: (() => Promise<unknown>)[] = [];

/**
 * Fetches every page's chunk, once the first page is shown: moving on later works offline or on a poor connection
 * (the SPA waits for the API to come back rather than failing to load its own code).
 */
/**
 * Loads every page's code in the background, so that moving on while offline still works. Resolves once all have
 * loaded (or failed); the document then carries `data-pages-preloaded`, which the browser tests wait for.
 */
export async function preloadPages(): Promise<void> {
  await Promise.allSettled(loaders.map((load) => load()));
  document.documentElement.dataset['pagesPreloaded'] = '';
}

function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): ComponentType {
  loaders.push(load);
  const Lazy = lazy<ComponentType>(() => load().then((module) => ({ default: module[name] })));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading label="Loading the page" />}>
        <Lazy />
      </Suspense>
    );
  };
}

const SignInPage = page(() => import('../features/auth/pages/sign-in-page'), 'SignInPage');
const CohortPage = page(() => import('../features/admin/pages/cohort-page'), 'CohortPage');
const CohortsPage = page(() => import('../features/admin/pages/cohorts-page'), 'CohortsPage');
const PeoplePage = page(() => import('../features/admin/pages/people-page'), 'PeoplePage');
const OrganisationsPage = page(() => import('../features/admin/pages/organisations-page'), 'OrganisationsPage');
const ConfirmEmailPage = page(() => import('../features/admin/pages/confirm-email-page'), 'ConfirmEmailPage');
const AcceptRolePage = page(() => import('../features/admin/pages/accept-role-page'), 'AcceptRolePage');
const SetPasswordPage = page(() => import('../features/admin/pages/set-password-page'), 'SetPasswordPage');
const TemplatePage = page(() => import('../features/admin/pages/template-page'), 'TemplatePage');
const TemplatesPage = page(() => import('../features/admin/pages/templates-page'), 'TemplatesPage');
const CohortReportPage = page(() => import('../features/reports/pages/cohort-report-page'), 'CohortReportPage');
const NationalPage = page(() => import('../features/national/pages/national-page'), 'NationalPage');
const HandoverPage = page(() => import('../features/month-six/pages/handover-page'), 'HandoverPage');
const OutcomesPage = page(() => import('../features/month-six/pages/outcomes-page'), 'OutcomesPage');
const SurveyPage = page(() => import('../features/month-six/pages/survey-page'), 'SurveyPage');
const AgendaPage = page(() => import('../features/agenda/pages/agenda-page'), 'AgendaPage');
const CalendarFeedPage = page(() => import('../features/calendar-feed/pages/calendar-feed-page'), 'CalendarFeedPage');
const EvidenceInboxPage = page(
  () => import('../features/competencies/inbox/pages/evidence-inbox-page'),
  'EvidenceInboxPage',
);
const CompetencyGridPage = page(
  () => import('../features/competencies/pages/competency-grid-page'),
  'CompetencyGridPage',
);
const CompetencyPage = page(() => import('../features/competencies/pages/competency-page'), 'CompetencyPage');
const TnaPage = page(() => import('../features/competencies/tna/pages/tna-page'), 'TnaPage');
const TrainingPlanPage = page(
  () => import('../features/competencies/training-plan/pages/training-plan-page'),
  'TrainingPlanPage',
);
const SignOffsPage = page(() => import('../features/sign-offs/pages/sign-offs-page'), 'SignOffsPage');
const TimelinePage = page(() => import('../features/enrolments/pages/timeline-page'), 'TimelinePage');
const NotificationPreferencesPage = page(
  () => import('../features/notifications/pages/notification-preferences-page'),
  'NotificationPreferencesPage',
);
const NotificationsPage = page(() => import('../features/notifications/pages/notifications-page'), 'NotificationsPage');
const ReleasePage = page(() => import('../features/release/pages/release-page'), 'ReleasePage');
const RetentionPage = page(() => import('../features/retention/pages/retention-page'), 'RetentionPage');
const RespondPage = page(() => import('../features/respond/pages/respond-page'), 'RespondPage');
const SessionPage = page(() => import('../features/sessions/pages/session-page'), 'SessionPage');
const YourDataPage = page(() => import('../features/subject-access/pages/your-data-page'), 'YourDataPage');
const SsoSettingsPage = page(() => import('../features/auth/pages/sso-settings-page'), 'SsoSettingsPage');
const AlliancePolicyPage = page(() => import('../features/privacy/pages/alliance-policy-page'), 'AlliancePolicyPage');
const PrivacyPage = page(() => import('../features/privacy/pages/privacy-page'), 'PrivacyPage');
const HomeRoute = page(() => import('./routes/home'), 'HomeRoute');

export function createRouter() {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteError />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        // Opened from an e-mail without signing in: the token in the address is the credential.
        { path: '/respond/:token', element: <RespondPage /> },
        // The invitation e-mail's one-time link to set a password.
        { path: '/set-password/:token', element: <SetPasswordPage /> },
        // The e-mail sent to a new address: the one-time link confirms it.
        { path: '/confirm-email/:token', element: <ConfirmEmailPage /> },
        // Open to everyone, signed in or not: how the service uses personal data.
        { path: '/privacy', element: <PrivacyPage /> },
        {
          element: <RequireAuth />,
          children: [
            { index: true, element: <HomeRoute /> },
            { path: '/enrolments/:enrolmentId', element: <TimelinePage /> },
            { path: '/enrolments/:enrolmentId/release', element: <ReleasePage /> },
            { path: '/enrolments/:enrolmentId/competencies', element: <CompetencyGridPage /> },
            { path: '/enrolments/:enrolmentId/competencies/:code', element: <CompetencyPage /> },
            { path: '/enrolments/:enrolmentId/tna', element: <TnaPage /> },
            { path: '/enrolments/:enrolmentId/training-plan', element: <TrainingPlanPage /> },
            { path: '/enrolments/:enrolmentId/handover', element: <HandoverPage /> },
            { path: '/enrolments/:enrolmentId/survey', element: <SurveyPage /> },
            { path: '/enrolments/:enrolmentId/outcomes', element: <OutcomesPage /> },
            { path: '/evidence-to-review', element: <EvidenceInboxPage /> },
            { path: '/sign-offs', element: <SignOffsPage /> },
            { path: '/sessions/:sessionId', element: <SessionPage /> },
            { path: '/agenda', element: <AgendaPage /> },
            { path: '/calendar', element: <CalendarFeedPage /> },
            { path: '/your-data', element: <YourDataPage /> },
            // The e-mail offering a role to someone with an account: accepted signed in, as themself.
            { path: '/accept-role/:token', element: <AcceptRolePage /> },
            { path: '/notifications', element: <NotificationsPage /> },
            { path: '/notifications/preferences', element: <NotificationPreferencesPage /> },
            { path: '/reports/cohort', element: <CohortReportPage /> },
            { path: '/national', element: <NationalPage /> },
            { path: '/admin/cohorts', element: <CohortsPage /> },
            { path: '/admin/cohorts/:cohortId', element: <CohortPage /> },
            { path: '/admin/people', element: <PeoplePage /> },
            { path: '/admin/organisations', element: <OrganisationsPage /> },
            { path: '/admin/templates', element: <TemplatesPage /> },
            { path: '/admin/templates/:templateId', element: <TemplatePage /> },
            { path: '/admin/privacy', element: <AlliancePolicyPage /> },
            { path: '/admin/sign-in', element: <SsoSettingsPage /> },
            { path: '/admin/retention', element: <RetentionPage /> },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
