import { can } from '@ccc/contracts';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Confirmation } from '../../../components/confirmation';
import { EmptyState } from '../../../components/empty-state';
import { PageHeading } from '../../../components/page-heading';
import { SummaryList, SummaryRow } from '../../../components/summary-list';
import { TableContainer } from '../../../components/table-container';
import { formatDate, formatDateRange } from '../../../utils/format';
import { useMe } from '../../auth';
import { useEnrolments } from '../../enrolments';
import { ENROLMENT_STATUS_LABELS, TRACK_LABELS } from '../../enrolments';
import { useCohort } from '../api/get-cohort';
import { useOrganisations } from '../api/get-organisations';
import { usePeople } from '../api/get-people';
import { CohortCorrections } from '../components/cohort-corrections';
import { CohortGroupSessions } from '../components/cohort-group-sessions';
import { CohortFramework } from '../components/cohort-framework';
import { EnrolForm } from '../components/enrol-form';
import { QueryPage } from '../components/query-page';

/** One cohort: its dates and template, the CCCs enrolled, and the form to enrol another. */
export function CohortPage() {
  const { cohortId = '' } = useParams();
  const location = useLocation();
  const cohort = useCohort(cohortId);
  const enrolments = useEnrolments();
  const me = useMe();
  const roles = me.data?.roles.map(({ role }) => role) ?? [];
  const mayEnrol = can(roles, 'enrolment:create') && !cohort.data?.closedAt;
  const mayCorrect = can(roles, 'cohort:edit');
  const mayBook = can(roles, 'session:book');
  const mayMoveFramework = can(roles, 'framework:manage');
  const navigate = useNavigate();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const people = usePeople();
  const organisations = useOrganisations({ enabled: mayEnrol });
  const created = (location.state as { created?: string } | null)?.created;
  const [done, setDone] = useState<{ title: string; key: number } | null>(created ? { title: created, key: 0 } : null);
  const backLink = <BackLink to="/admin/cohorts">Back to the cohorts</BackLink>;

  return (
    <QueryPage title={cohort.data?.name ?? 'Cohort'} what="the cohort" query={cohort} before={backLink}>
      {() => {
        const view = cohort.data!;
        const enrolled = (enrolments.data ?? [])
          .filter((e) => e.cohort.id === view.id)
          .sort((a, b) => a.ccc.fullName.localeCompare(b.ccc.fullName));
        return (
          <>
            {backLink}
            {done && <Confirmation key={done.key} title={done.title} />}
            <PageHeading caption="Cohort">{view.name}</PageHeading>
            <SummaryList>
              <SummaryRow label="Dates">{formatDateRange(view.startDate, view.endsBefore)}</SummaryRow>
              <SummaryRow label="Template">
                {view.template.name}, version {view.template.version}
              </SummaryRow>
              <SummaryRow label="Run by">
                {view.allianceSupervisors.length > 0
                  ? view.allianceSupervisors.map((p) => p.fullName).join(', ')
                  : 'No Alliance supervisor yet'}
              </SummaryRow>
              {view.closedAt && <SummaryRow label="Closed">{formatDate(view.closedAt)}</SummaryRow>}
              <SummaryRow label="Enrolled">
                {view.enrolments.total} ({view.enrolments.supervision} supervision, {view.enrolments.training} training
                only)
              </SummaryRow>
            </SummaryList>

            <section aria-labelledby="enrolled-heading" className="app-section">
              <h2 id="enrolled-heading">CCCs enrolled</h2>
              {enrolled.length === 0 ? (
                <p>No CCCs are enrolled in this cohort yet.</p>
              ) : (
                <TableContainer captionId="enrolled-caption">
                  <table className="nhsuk-table">
                    <caption className="nhsuk-u-visually-hidden" id="enrolled-caption">
                      CCCs enrolled in {view.name}
                    </caption>
                    <thead className="nhsuk-table__head">
                      <tr>
                        <th scope="col">CCC</th>
                        <th scope="col">PCN</th>
                        <th scope="col">Track</th>
                        <th scope="col">Status</th>
                      </tr>
                    </thead>
                    <tbody className="nhsuk-table__body">
                      {enrolled.map((enrolment) => (
                        <tr key={enrolment.id} className="nhsuk-table__row" data-enrolment={enrolment.ccc.email}>
                          <th scope="row" className="nhsuk-table__cell">
                            <Link to={`/enrolments/${enrolment.id}`}>{enrolment.ccc.fullName}</Link>
                          </th>
                          <td className="nhsuk-table__cell">{enrolment.pcn.name}</td>
                          <td className="nhsuk-table__cell">{TRACK_LABELS[enrolment.track]}</td>
                          <td className="nhsuk-table__cell">{ENROLMENT_STATUS_LABELS[enrolment.status]}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableContainer>
              )}
            </section>

            <CohortGroupSessions cohortId={view.id} mayBook={mayBook} />

            {mayEnrol && (
              <section aria-labelledby="enrol-heading" className="app-section">
                <h2 id="enrol-heading">Enrol a CCC</h2>
                {people.isError || organisations.isError ? (
                  <EmptyState title="The people could not be loaded" headingLevel={3}>
                    <p>Reload the page to try again.</p>
                  </EmptyState>
                ) : (
                  <EnrolForm
                    cohortId={view.id}
                    people={people.data ?? []}
                    organisations={(organisations.data ?? []).filter((o) => !o.closedAt)}
                    onEnrolled={(enrolment) =>
                      setDone({
                        title: `${enrolment.ccc.fullName} enrolled on the ${TRACK_LABELS[enrolment.track].toLowerCase()}`,
                        key: Date.now(),
                      })
                    }
                  />
                )}
              </section>
            )}
            {mayMoveFramework && (
              <CohortFramework
                key={`framework-${view.version}`}
                cohort={view}
                onReload={() => void cohort.refetch()}
                onDone={(title) => setDone({ title, key: Date.now() })}
              />
            )}
            {mayCorrect && (
              <CohortCorrections
                key={view.version}
                cohort={view}
                supervisors={(people.data ?? []).filter((p) => p.roles.some((r) => r.role === 'alliance_supervisor'))}
                today={today}
                onReload={() => void cohort.refetch()}
                onDone={(title) => setDone({ title, key: Date.now() })}
                onDeleted={() =>
                  void navigate('/admin/cohorts', { state: { deleted: `Cohort deleted: ${view.name}` } })
                }
              />
            )}
          </>
        );
      }}
    </QueryPage>
  );
}
