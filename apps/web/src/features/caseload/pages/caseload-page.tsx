import { can, type CaseloadRow } from '@ccc/contracts';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useMe } from '../../auth';
import { MyOpenActions } from '../../sessions';
import { useInbox } from '../../competencies';
import { EvidenceInboxSection } from '../../competencies';
import { SignOffsCount } from '../../sign-offs';
import { useCaseload } from '../api/get-caseload';
import { CaseloadFilters } from '../components/caseload-filters';
import { CaseloadTable } from '../components/caseload-table';
import {
  CASELOAD_STATE_LABELS,
  applyCaseloadQuery,
  readCaseloadQuery,
  stateCount,
  writeCaseloadQuery,
  type CaseloadQuery,
  type CaseloadState,
} from '../utils/caseload-filters';

const STAT_TEXT: Record<CaseloadState, string> = {
  unbooked: 'unbooked this month or earlier',
  awaiting: 'waiting for a reply',
  overdue: 'held but not recorded',
  evidence: 'evidence waiting for your review',
};

/** One figure across the caseload, as a card whose link shows the CCCs behind it. */
function Stat({ value, state, query }: { value: number; state: CaseloadState; query: CaseloadQuery }) {
  const selected = query.state === state;
  // A second press on the chosen card shows everyone again.
  const target = writeCaseloadQuery({ ...query, state: selected ? null : state }).toString();
  return (
    <li className="nhsuk-grid-column-one-quarter nhsuk-card-group__item">
      <div className={`nhsuk-card${selected ? ' app-stat-card--selected' : ''}`}>
        <div className="nhsuk-card__content">
          <p className="app-stat">
            <Link to={{ search: target ? `?${target}` : '' }} aria-current={selected ? 'true' : undefined}>
              <span className="app-stat__value">{value}</span> {STAT_TEXT[state]}
              <span className="nhsuk-u-visually-hidden">
                {selected ? ': showing these CCCs, select to show every CCC' : ': show these CCCs'}
              </span>
            </Link>
          </p>
        </div>
      </div>
    </li>
  );
}

function ccCount(n: number): string {
  return n === 1 ? '1 CCC' : `${n} CCCs`;
}

/** A group session is one meeting for a cohort: it is booked from the cohort's page, one link per cohort here. */
function GroupSessionLinks({ rows }: { rows: readonly CaseloadRow[] }) {
  const cohorts = [...new Map(rows.map((row) => [row.enrolment.cohort.id, row.enrolment.cohort])).values()].sort(
    (a, b) => a.name.localeCompare(b.name),
  );
  if (cohorts.length === 0) return null;
  return (
    <section aria-labelledby="caseload-group-heading" className="app-section">
      <h2 id="caseload-group-heading">Group sessions</h2>
      <p>Group supervision and teaching are one meeting for the whole cohort: book them for every CCC at once.</p>
      <ul className="nhsuk-list">
        {cohorts.map((cohort) => (
          <li key={cohort.id}>
            <Link to={`/admin/cohorts/${cohort.id}#group-sessions`}>Book a group session for {cohort.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The Alliance supervisor's home (and the administrator's, for every CCC): what needs booking, chasing, recording. */
export function CaseloadPage({ everyone }: { everyone: boolean }) {
  const title = everyone ? 'Caseload: all CCCs' : 'Your caseload';
  useDocumentTitle(title);
  const caseload = useCaseload();
  const me = useMe();
  // Evidence waiting comes from the reviewer's own inbox (the same list as below): only they sign off.
  const reviewer = can(me.data?.roles.map(({ role }) => role) ?? [], 'competency:review');
  const inbox = useInbox(reviewer);
  const evidence = useMemo(() => {
    const counts = new Map<string, number>();
    for (const item of inbox.data?.awaitingReview ?? [])
      counts.set(item.enrolmentId, (counts.get(item.enrolmentId) ?? 0) + 1);
    return counts;
  }, [inbox.data]);

  const [params, setParams] = useSearchParams();
  const query = readCaseloadQuery(params);
  // Typing replaces the address rather than adding a history entry per letter; Back leaves the page as expected.
  const update = (patch: Partial<CaseloadQuery>) =>
    setParams(writeCaseloadQuery({ ...query, ...patch }), { replace: true });

  const rows = caseload.data ?? [];
  const active = rows.filter((row) => row.enrolment.status === 'active');
  const finished = rows.filter((row) => row.enrolment.status !== 'active');
  const shownActive = applyCaseloadQuery(active, query, evidence);
  const shownFinished = applyCaseloadQuery(finished, query, evidence);
  const total = (state: CaseloadState) =>
    active.reduce((sum: number, row: CaseloadRow) => sum + stateCount(row, state, evidence), 0);
  const filtered = query.search.trim() !== '' || query.state !== null;

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
            {active.length === 1
              ? '1 Cancer Care Coordinator on the programme.'
              : `${active.length} Cancer Care Coordinators on the programme.`}{' '}
            Select a name to see their timeline and book their sessions.
          </p>
          <ul className="nhsuk-grid-row nhsuk-card-group app-stat-group" aria-label="Across the caseload">
            <Stat value={total('unbooked')} state="unbooked" query={query} />
            <Stat value={total('awaiting')} state="awaiting" query={query} />
            <Stat value={total('overdue')} state="overdue" query={query} />
            {reviewer && <Stat value={total('evidence')} state="evidence" query={query} />}
          </ul>
          <CaseloadFilters query={query} withEvidence={reviewer} onChange={update} />
          <p role="status" className="app-caseload-count">
            {filtered
              ? `Showing ${shownActive.length} of ${ccCount(active.length)}${query.state ? `: ${CASELOAD_STATE_LABELS[query.state].toLowerCase()}` : ''}${query.search.trim() ? `, matching “${query.search.trim()}”` : ''}.`
              : `Showing all ${ccCount(active.length)}.`}{' '}
            {filtered && <Link to={{ search: '' }}>Clear the search and filter</Link>}
          </p>
          {shownActive.length === 0 ? (
            <p>No CCC on the programme matches. Try another name, or show every CCC.</p>
          ) : (
            <CaseloadTable
              rows={shownActive}
              caption={everyone ? 'Every CCC and their sessions' : 'CCCs you supervise and their sessions'}
            />
          )}
          <GroupSessionLinks rows={active} />
          {shownFinished.length > 0 && (
            <section aria-labelledby="caseload-finished-heading" className="app-section">
              <h2 id="caseload-finished-heading">Finished or withdrawn</h2>
              <p>CCCs who completed the programme or left it. Their timelines stay open to read.</p>
              <CaseloadTable rows={shownFinished} caption="CCCs who finished or withdrew, and their sessions" />
            </section>
          )}
        </>
      )}
      <EvidenceInboxSection />
    </>
  );
}
