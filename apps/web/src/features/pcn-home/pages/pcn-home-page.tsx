import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { usePcnHome } from '../api/get-pcn-home';
import { CccSection, waitingCount } from '../components/ccc-section';

/**
 * The PCN supervisor's home, one screen: per CCC, the joint sessions and release time waiting for them, what to
 * tick off, the 5-day counter, the study chart and the next joint session.
 */
export function PcnHomePage() {
  useDocumentTitle('Your CCCs');
  const home = usePcnHome();

  if (home.isPending) {
    return (
      <>
        <h1>Your CCCs</h1>
        <Loading label="Loading what waits for you" />
      </>
    );
  }
  if (home.isError) {
    return (
      <>
        <h1>Your CCCs</h1>
        <ErrorMessage title="Your CCCs could not be loaded" error={home.error}>
          <button className="button button--secondary" type="button" onClick={() => void home.refetch()}>
            Try again
          </button>
        </ErrorMessage>
      </>
    );
  }
  const rows = [...home.data].sort((a, b) => a.enrolment.ccc.fullName.localeCompare(b.enrolment.ccc.fullName));
  const total = rows.reduce((sum, row) => sum + waitingCount(row), 0);
  return (
    <>
      <h1>Your CCCs</h1>
      {rows.length === 0 ? (
        <EmptyState title="No CCCs yet">
          <p>
            When a Cancer Care Coordinator in your PCN is enrolled in a cohort, what they need from you will appear
            here.
          </p>
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState title="Nothing waits for you">
          <p>
            No joint sessions, release time or checks need your answer. The study time and release of each CCC are
            below.
          </p>
        </EmptyState>
      ) : (
        <p className="lead" id="pcn-home-summary">
          {total === 1 ? '1 thing waits for you' : `${total} things wait for you`} across{' '}
          {rows.length === 1 ? '1 Cancer Care Coordinator' : `${rows.length} Cancer Care Coordinators`}.
        </p>
      )}
      <div className="ccc-cards">
        {rows.map((row) => (
          <CccSection key={row.enrolment.id} row={row} />
        ))}
      </div>
    </>
  );
}
