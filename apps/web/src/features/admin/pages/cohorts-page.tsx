import { can } from '@ccc/contracts';
import { Link, useLocation, useNavigate } from 'react-router';
import { Confirmation } from '../../../components/confirmation';
import { Details } from '../../../components/details';
import { EmptyState } from '../../../components/empty-state';
import { PageHeading } from '../../../components/page-heading';
import { TableContainer } from '../../../components/table-container';
import { formatDate, formatDateRange } from '../../../utils/format';
import { useMe } from '../../auth';
import { useCohorts } from '../api/get-cohorts';
import { usePeople } from '../api/get-people';
import { useTemplates } from '../api/get-templates';
import { CreateCohortForm } from '../components/create-cohort-form';
import { QueryPage } from '../components/query-page';

/** Administration: the cohorts, each with its template version and enrolments; an administrator creates one here. */
export function CohortsPage() {
  const cohorts = useCohorts();
  const me = useMe();
  const roles = me.data?.roles.map(({ role }) => role) ?? [];
  const mayCreate = can(roles, 'cohort:create');
  const templates = useTemplates();
  const people = usePeople();
  const navigate = useNavigate();
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const supervisors = (people.data ?? []).filter((p) => p.roles.some((r) => r.role === 'alliance_supervisor'));

  return (
    <QueryPage title="Cohorts" what="the cohorts" query={cohorts}>
      {() => (
        <>
          {deleted && <Confirmation title={deleted} />}
          <PageHeading caption="Programme administration">Cohorts</PageHeading>
          {(cohorts.data ?? []).length === 0 ? (
            <EmptyState title="No cohorts yet">
              <p>A cohort is a group of CCCs who start the programme together, following one template version.</p>
            </EmptyState>
          ) : (
            <TableContainer captionId="cohorts-caption">
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden" id="cohorts-caption">
                  Cohorts
                </caption>
                <thead className="nhsuk-table__head">
                  <tr>
                    <th scope="col">Cohort</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Template</th>
                    <th scope="col">Enrolled</th>
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {[...(cohorts.data ?? [])]
                    .sort((a, b) => b.startDate.localeCompare(a.startDate))
                    .map((cohort) => (
                      <tr key={cohort.id} className="nhsuk-table__row">
                        <th scope="row" className="nhsuk-table__cell">
                          <Link to={`/admin/cohorts/${cohort.id}`}>{cohort.name}</Link>
                          {cohort.closedAt && <span className="app-secondary-text">Closed</span>}
                        </th>
                        <td className="nhsuk-table__cell">{formatDateRange(cohort.startDate, cohort.endsBefore)}</td>
                        <td className="nhsuk-table__cell">
                          {cohort.template.name}, version {cohort.template.version}
                        </td>
                        <td className="nhsuk-table__cell">
                          {cohort.enrolments.total}
                          <span className="app-secondary-text">
                            {cohort.enrolments.supervision} supervision, {cohort.enrolments.training} training only
                          </span>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableContainer>
          )}
          {mayCreate && (
            <section aria-labelledby="create-cohort-heading" className="app-section">
              <h2 id="create-cohort-heading">Create a cohort</h2>
              <Details summary="Start a new cohort from a template version">
                {templates.isError ? (
                  <p>The templates could not be loaded. Reload the page to try again.</p>
                ) : (
                  <CreateCohortForm
                    templates={templates.data ?? []}
                    supervisors={supervisors}
                    onCreated={(cohort) =>
                      void navigate(`/admin/cohorts/${cohort.id}`, {
                        state: { created: `Cohort created: ${cohort.name}, starting ${formatDate(cohort.startDate)}` },
                      })
                    }
                  />
                )}
              </Details>
            </section>
          )}
        </>
      )}
    </QueryPage>
  );
}
