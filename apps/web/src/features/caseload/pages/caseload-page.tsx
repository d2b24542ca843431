import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useCaseload } from '../api/get-caseload';
import { CaseloadTable } from '../components/caseload-table';

/** The Alliance supervisor's home (and the administrator's, for every CCC): what needs booking, chasing, recording. */
export function CaseloadPage({ everyone }: { everyone: boolean }) {
  const title = everyone ? 'Caseload: all CCCs' : 'Your caseload';
  useDocumentTitle(title);
  const caseload = useCaseload();
  const totals = caseload.data?.reduce(
    (sum, row) => ({
      unbooked: sum.unbooked + row.unbooked,
      awaiting: sum.awaiting + row.awaiting,
      overdue: sum.overdue + row.overdue,
    }),
    { unbooked: 0, awaiting: 0, overdue: 0 },
  );

  return (
    <>
      <h1>{title}</h1>
      {caseload.isPending ? (
        <Loading label="Loading the caseload" />
      ) : caseload.isError ? (
        <ErrorMessage title="The caseload could not be loaded" error={caseload.error}>
          <button className="button button--secondary" type="button" onClick={() => void caseload.refetch()}>
            Try again
          </button>
        </ErrorMessage>
      ) : caseload.data.length === 0 ? (
        <EmptyState title="No CCCs yet">
          <p>When a Cancer Care Coordinator you supervise is enrolled in a cohort, they will be listed here.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            {caseload.data.length === 1
              ? '1 Cancer Care Coordinator.'
              : `${caseload.data.length} Cancer Care Coordinators.`}{' '}
            Select a name to see their timeline and book their sessions.
          </p>
          {totals && (
            <ul className="stat-list" aria-label="Across the caseload">
              <li>
                <span className="stat-list__value">{totals.unbooked}</span> unbooked this month or earlier
              </li>
              <li>
                <span className="stat-list__value">{totals.awaiting}</span> waiting for a reply
              </li>
              <li>
                <span className="stat-list__value">{totals.overdue}</span> held but not recorded
              </li>
            </ul>
          )}
          <CaseloadTable
            rows={caseload.data}
            caption={everyone ? 'Every CCC and their sessions' : 'CCCs you supervise and their sessions'}
          />
        </>
      )}
    </>
  );
}
