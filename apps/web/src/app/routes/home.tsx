import { can } from '@ccc/contracts';
import { EmptyState } from '../../components/empty-state';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useMe } from '../../features/auth/api/get-me';
import { homeKindFor } from '../../features/auth/utils/roles';
import { CaseloadPage } from '../../features/caseload/pages/caseload-page';
import { CccHomePage } from '../../features/enrolments/pages/ccc-home-page';
import { EnrolmentsPage } from '../../features/enrolments/pages/enrolments-page';
import { PcnHomePage } from '../../features/pcn-home/pages/pcn-home-page';

/**
 * "/" depends on who is signed in: the Alliance supervisor (and the administrator) their caseload, the PCN supervisor
 * what waits for them per CCC (sessions, release time, checks), a CCC their own timeline.
 */
export function HomeRoute() {
  const me = useMe();
  if (me.isPending) {
    return (
      <>
        <h1>CCC Programme</h1>
        <Loading label="Loading your details" />
      </>
    );
  }
  if (me.isError) {
    return (
      <>
        <h1>CCC Programme</h1>
        <ErrorMessage title="Your details could not be loaded" error={me.error}>
          <button className="button button--secondary" type="button" onClick={() => void me.refetch()}>
            Try again
          </button>
        </ErrorMessage>
      </>
    );
  }
  const roles = me.data.roles.map(({ role }) => role);
  if (!can(roles, 'enrolment:read')) {
    return (
      <>
        <h1>CCC Programme</h1>
        <EmptyState title="You have no access yet">
          <p>Your account has no role in the programme. Ask the programme administrator to give you one.</p>
        </EmptyState>
      </>
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
