import { Navigate } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useEnrolments } from '../api/get-enrolments';

/** A CCC's home is their own timeline; the API returns exactly their enrolment, or none yet. */
export function CccHomePage() {
  useDocumentTitle('Your programme');
  const enrolments = useEnrolments();

  if (enrolments.isPending) {
    return (
      <>
        <h1>Your programme</h1>
        <Loading label="Loading your programme" />
      </>
    );
  }
  if (enrolments.isError) {
    return (
      <>
        <h1>Your programme</h1>
        <ErrorMessage title="Your programme could not be loaded" error={enrolments.error}>
          <Button variant="secondary" onClick={() => void enrolments.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      </>
    );
  }
  // The active enrolment first, should there ever be an older one too.
  const enrolment = enrolments.data.find((item) => item.status === 'active') ?? enrolments.data[0];
  if (enrolment) return <Navigate to={`/enrolments/${enrolment.id}`} replace />;

  return (
    <>
      <h1>Your programme</h1>
      <EmptyState title="You are not enrolled yet">
        <p>
          You have not been enrolled in a cohort of the programme. Your Alliance supervisor or the programme
          administrator will enrol you; your timeline will then appear here.
        </p>
      </EmptyState>
    </>
  );
}
