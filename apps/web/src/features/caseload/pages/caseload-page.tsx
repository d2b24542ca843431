import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { MyOpenActions } from '../../sessions/components/my-open-actions';
import { EvidenceInboxSection } from '../../competencies/inbox/components/evidence-inbox-section';
import { SignOffsCount } from '../../sign-offs/components/sign-offs-count';
import { useCaseload } from '../api/get-caseload';
import { CaseloadTable } from '../components/caseload-table';

/** One figure across the whole caseload, as a card. */
function Stat({ value, text }: { value: number; text: string }) {
  return (
    <li className="nhsuk-grid-column-one-third nhsuk-card-group__item">
      <div className="nhsuk-card">
        <div className="nhsuk-card__content">
          <p className="app-stat">
            <span className="app-stat__value">{value}</span> {text}
          </p>
        </div>
      </div>
    </li>
  );
}

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
      <SignOffsCount />
      <MyOpenActions />
      {caseload.isPending ? (
        <Loading label="Loading the caseload" />
      ) : caseload.isError ? (
        <ErrorMessage title="The caseload could not be loaded" error={caseload.error}>
          <Button variant="secondary" onClick={() => void caseload.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : caseload.data.length === 0 ? (
        <EmptyState title="No CCCs yet">
          <p>When a Cancer Care Coordinator you supervise is enrolled in a cohort, they will be listed here.</p>
        </EmptyState>
      ) : (
        <>
          <p className="nhsuk-body-l">
            {caseload.data.length === 1
              ? '1 Cancer Care Coordinator.'
              : `${caseload.data.length} Cancer Care Coordinators.`}{' '}
            Select a name to see their timeline and book their sessions.
          </p>
          {totals && (
            <ul className="nhsuk-grid-row nhsuk-card-group" aria-label="Across the caseload">
              <Stat value={totals.unbooked} text="unbooked this month or earlier" />
              <Stat value={totals.awaiting} text="waiting for a reply" />
              <Stat value={totals.overdue} text="held but not recorded" />
            </ul>
          )}
          <CaseloadTable
            rows={caseload.data}
            caption={everyone ? 'Every CCC and their sessions' : 'CCCs you supervise and their sessions'}
          />
        </>
      )}
      <EvidenceInboxSection />
    </>
  );
}
