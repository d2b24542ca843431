import type { CohortGroupSession } from '@ccc/contracts';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { Table } from '../../../components/table';
import { Tag } from '../../../components/tag';
import { formatDateTime } from '../../../utils/format';
import { SESSION_STATUS_TONES, sessionKindLabel, sessionStatusLabel } from '../../enrolments';
import { useCohortGroupSessions } from '../api/get-cohort-group-sessions';

const ccCount = (n: number) => (n === 1 ? '1 CCC' : `${n} CCCs`);

/**
 * The cohort's own meetings (group supervision, teaching, the conference), each with every CCC of the cohort it is
 * for on its register: booked from here, once for the whole group, rather than from one CCC's timeline.
 */
export function CohortGroupSessions({ cohortId, mayBook }: { cohortId: string; mayBook: boolean }) {
  const sessions = useCohortGroupSessions(cohortId);
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  // Arriving from the caseload's "Book a group session": once the list is in, it is where the reader lands.
  useEffect(() => {
    if (hash === '#group-sessions' && sessions.isSuccess) {
      heading.current?.scrollIntoView();
      heading.current?.focus();
    }
  }, [hash, sessions.isSuccess]);
  return (
    <section aria-labelledby="group-sessions-heading" className="app-section" id="group-sessions">
      <h2 id="group-sessions-heading" ref={heading} tabIndex={-1}>
        Group sessions
      </h2>
      <p>
        One meeting for the cohort: booking it invites every CCC on its register, with their supervisors, and it shows
        on each of their timelines.
      </p>
      {sessions.isPending ? (
        <Loading label="Loading the group sessions" />
      ) : sessions.isError ? (
        <EmptyState title="The group sessions could not be loaded" headingLevel={3}>
          <p>Reload the page to try again.</p>
        </EmptyState>
      ) : sessions.data.length === 0 ? (
        <p>This cohort’s template plans no group sessions.</p>
      ) : (
        <Table<CohortGroupSession>
          id="group-sessions-table"
          caption="Group sessions of the cohort, by month"
          captionHidden
          rows={sessions.data}
          rowKey={(session) => session.id}
          rowHeaders
          responsive
          columns={[
            {
              key: 'session',
              header: 'Session',
              cell: (session) => (
                <>
                  <Link to={`/sessions/${session.id}`}>{session.title}</Link>
                  <span className="app-secondary-text">
                    {' '}
                    Month {session.month} · {sessionKindLabel(session.kind)}
                  </span>
                </>
              ),
            },
            {
              key: 'status',
              header: 'Status',
              cell: (session) => (
                <Tag tone={SESSION_STATUS_TONES[session.status]}>{sessionStatusLabel(session.status)}</Tag>
              ),
            },
            {
              key: 'when',
              header: 'When',
              cell: (session) => (session.startsAt ? formatDateTime(session.startsAt) : 'Not booked'),
            },
            { key: 'register', header: 'Register', cell: (session) => ccCount(session.registerSize) },
            {
              key: 'book',
              header: <span className="nhsuk-u-visually-hidden">Action</span>,
              cell: (session) =>
                mayBook && session.status === 'planned' ? (
                  <Link to={`/sessions/${session.id}?action=book`}>
                    Book<span className="nhsuk-u-visually-hidden"> {session.title}</span>
                  </Link>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
