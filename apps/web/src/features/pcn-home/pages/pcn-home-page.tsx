import type { PcnHomeRow } from '@ccc/contracts';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { TaskList, type TaskListItem } from '../../../components/task-list';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { MyOpenActions } from '../../sessions';
import { SignOffsCount } from '../../sign-offs';
import { usePcnHome } from '../api/get-pcn-home';
import { CccSection, cccSectionId, waitingCount } from '../components/ccc-section';

function counted(count: number, one: string, many: string): string | null {
  if (count === 0) return null;
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** One line of "What you need to do" per CCC, linking to their section below. */
function taskFor(row: PcnHomeRow): TaskListItem {
  const count = waitingCount(row);
  const what = [
    counted(row.slotsAwaiting.length, 'joint session to answer', 'joint sessions to answer'),
    counted(row.releaseToConfirm.length, 'release request to confirm', 'release requests to confirm'),
    counted(row.attestationsDue.length, 'duty or expectation to tick off', 'duties or expectations to tick off'),
  ].filter((text): text is string => text !== null);
  return {
    id: row.enrolment.id,
    name: row.enrolment.ccc.fullName,
    href: `#${cccSectionId(row.enrolment.id)}`,
    hint: what.length > 0 ? what.join(', ') : 'Nothing waits for you',
    status: count === 0 ? { text: 'Nothing to do' } : { text: `${count} to do`, tone: 'warning' },
  };
}

/**
 * The PCN supervisor's home, one screen: what they need to do, then per CCC the joint sessions and release time
 * waiting for them, what to tick off, the 5-day counter, the study chart and the next joint session.
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
          <Button variant="secondary" onClick={() => void home.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      </>
    );
  }
  const rows = [...home.data].sort((a, b) => a.enrolment.ccc.fullName.localeCompare(b.enrolment.ccc.fullName));
  const total = rows.reduce((sum, row) => sum + waitingCount(row), 0);
  return (
    <>
      <h1>Your CCCs</h1>
      <SignOffsCount />
      <MyOpenActions />
      {rows.length === 0 ? (
        <EmptyState title="No CCCs yet">
          <p>
            When a Cancer Care Coordinator in your PCN is enrolled in a cohort, what they need from you will appear
            here.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="nhsuk-body-l" id="pcn-home-summary">
            {total === 0
              ? 'Nothing waits for you: no joint sessions, release time or checks need your answer.'
              : `${total === 1 ? '1 thing waits for you' : `${total} things wait for you`} across ${
                  rows.length === 1 ? '1 Cancer Care Coordinator' : `${rows.length} Cancer Care Coordinators`
                }.`}
          </p>
          <section aria-labelledby="to-do-heading" className="app-section">
            <h2 id="to-do-heading">What you need to do</h2>
            <TaskList idPrefix="to-do" items={rows.map(taskFor)} />
          </section>
          {rows.map((row) => (
            <CccSection key={row.enrolment.id} row={row} />
          ))}
        </>
      )}
    </>
  );
}
