import { can } from '@ccc/contracts';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useMe } from '../../features/auth/api/get-me';
import { homeKindFor } from '../../features/auth/utils/roles';
import { CaseloadPage } from '../../features/caseload/pages/caseload-page';
import { CccHomePage } from '../../features/enrolments/pages/ccc-home-page';
import { EnrolmentsPage } from '../../features/enrolments/pages/enrolments-page';
import { PcnHomePage } from '../../features/pcn-home/pages/pcn-home-page';
import { SERVICE_NAME, useDocumentTitle } from '../../utils/use-document-title';

/** The title while "/" does not yet know whose home it is; each home page sets its own once it does. */
function Waiting({ title, children }: { title?: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <h1>{SERVICE_NAME}</h1>
      {children}
    </>
  );
}

/**
 * "/" depends on who is signed in: the Alliance supervisor (and the administrator) their caseload, the PCN supervisor
 * what waits for them per CCC (sessions, release time, checks), a CCC their own timeline, a national viewer the
 * national figures.
 */
export function HomeRoute() {
  const me = useMe();
  if (me.isPending) {
    return (
      <Waiting>
        <Loading label="Loading your details" />
      </Waiting>
    );
  }
  if (me.isError) {
    return (
      <Waiting title="Your details could not be loaded">
        <ErrorMessage title="Your details could not be loaded" error={me.error}>
          <Button variant="secondary" onClick={() => void me.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      </Waiting>
    );
  }
  const roles = me.data.roles.map(({ role }) => role);
  if (homeKindFor(me.data.roles) === 'national') return <Navigate to="/national" replace />;
  if (!can(roles, 'enrolment:read')) {
    return (
      <Waiting title="You have no access yet">
        <EmptyState title="You have no access yet">
          <p>Your account has no role in the programme. Ask the programme administrator to give you one.</p>
        </EmptyState>
      </Waiting>
    );
  }
  if (can(roles, 'caseload:read')) return <CaseloadPage everyone={roles.includes('admin')} />;
  if (can(roles, 'pcn-home:read')) return <PcnHomePage />;
  return homeKindFor(me.data.roles) === 'ccc-list' ? (
    <EnrolmentsPage showWaiting={can(roles, 'session:respond')} />
  ) : (
    <CccHomePage />
  );
}
