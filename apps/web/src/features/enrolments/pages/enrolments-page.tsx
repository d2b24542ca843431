import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { WaitingForYou } from '../../sessions';
import { SignOffsCount } from '../../sign-offs';
import { useEnrolments } from '../api/get-enrolments';
import { EnrolmentsTable } from '../components/enrolments-table';

/** "Your CCCs": the PCN supervisor's list of the CCCs they can see, and the sessions waiting for their answer. */
export function EnrolmentsPage({ showWaiting = false }: { showWaiting?: boolean }) {
  useDocumentTitle('Your CCCs');
  const enrolments = useEnrolments();

  return (
    <>
      <h1>Your CCCs</h1>
      <SignOffsCount />
      {enrolments.isPending ? (
        <Loading label="Loading your CCCs" />
      ) : enrolments.isError ? (
        <ErrorMessage title="Your CCCs could not be loaded" error={enrolments.error}>
          <Button variant="secondary" onClick={() => void enrolments.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : enrolments.data.length === 0 ? (
        <EmptyState title="No CCCs yet">
          <p>
            When a Cancer Care Coordinator you supervise is enrolled in a cohort, they will be listed here with a link
            to their timeline.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="nhsuk-body-l">
            {enrolments.data.length === 1
              ? '1 Cancer Care Coordinator.'
              : `${enrolments.data.length} Cancer Care Coordinators.`}{' '}
            Select a name to see their timeline.
          </p>
          <EnrolmentsTable enrolments={enrolments.data} caption="Cancer Care Coordinators you can see" />
          {showWaiting && <WaitingForYou enrolments={enrolments.data} />}
        </>
      )}
    </>
  );
}
