import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/pages/sign-in-page';
import { CohortPage } from '../features/admin/pages/cohort-page';
import { CohortsPage } from '../features/admin/pages/cohorts-page';
import { PeoplePage } from '../features/admin/pages/people-page';
import { AcceptRolePage } from '../features/admin/pages/accept-role-page';
import { SetPasswordPage } from '../features/admin/pages/set-password-page';
import { TemplatePage } from '../features/admin/pages/template-page';
import { TemplatesPage } from '../features/admin/pages/templates-page';
import { CohortReportPage } from '../features/reports/pages/cohort-report-page';
import { NationalPage } from '../features/national/pages/national-page';
import { HandoverPage } from '../features/month-six/pages/handover-page';
import { OutcomesPage } from '../features/month-six/pages/outcomes-page';
import { SurveyPage } from '../features/month-six/pages/survey-page';
import { AgendaPage } from '../features/agenda/pages/agenda-page';
import { CalendarFeedPage } from '../features/calendar-feed/pages/calendar-feed-page';
import { EvidenceInboxPage } from '../features/competencies/inbox/pages/evidence-inbox-page';
import { CompetencyGridPage } from '../features/competencies/pages/competency-grid-page';
import { CompetencyPage } from '../features/competencies/pages/competency-page';
import { TnaPage } from '../features/competencies/tna/pages/tna-page';
import { TrainingPlanPage } from '../features/competencies/training-plan/pages/training-plan-page';
import { TimelinePage } from '../features/enrolments/pages/timeline-page';
import { NotificationPreferencesPage } from '../features/notifications/pages/notification-preferences-page';
import { NotificationsPage } from '../features/notifications/pages/notifications-page';
import { ReleasePage } from '../features/release/pages/release-page';
import { RetentionPage } from '../features/retention/pages/retention-page';
import { RespondPage } from '../features/respond/pages/respond-page';
import { SessionPage } from '../features/sessions/pages/session-page';
import { YourDataPage } from '../features/subject-access/pages/your-data-page';
import { AlliancePolicyPage } from '../features/privacy/pages/alliance-policy-page';
import { PrivacyPage } from '../features/privacy/pages/privacy-page';
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
        // The invitation e-mail's one-time link to set a password.
        { path: '/set-password/:token', element: <SetPasswordPage /> },
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
            { path: '/admin/templates', element: <TemplatesPage /> },
            { path: '/admin/templates/:templateId', element: <TemplatePage /> },
            { path: '/admin/privacy', element: <AlliancePolicyPage /> },
            { path: '/admin/retention', element: <RetentionPage /> },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
