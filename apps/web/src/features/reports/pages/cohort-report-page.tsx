import type { CohortReport } from '@ccc/contracts';
import { SURVEY_RESPONDENTS } from '@ccc/programme';
import { useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { TableContainer } from '../../../components/table-container';
import { formatDate, formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useCohorts } from '../../admin';
import { useOrganisations } from '../../admin';
import { sessionOutcomesText } from '../../expectations';
import { useCohortReport } from '../api/get-cohort-report';
import { ReportDownloads } from '../components/report-downloads';
import { ReportFilters } from '../components/report-filters';
import { BarChart } from '../../../components/bar-chart';
import { ShareBar } from '../components/share-bar';
import { StackedBar, StackedBarKey } from '../components/stacked-bar';
import { outcomeChangeText, outcomeValueText, readReportQuery } from '../utils/report';

const RESPONDENT_LABELS: Record<string, string> = { ccc: 'CCCs', pcn_supervisor: 'PCN supervisors' };
const PARTY_LABELS: Record<string, string> = {
  alliance: 'Alliance',
  alliance_supervisor: 'Alliance',
  pcn: 'PCN',
  pcn_supervisor: 'PCN',
  ccc: 'CCC',
};

function Table({ id, caption, head, children }: { id: string; caption: string; head: string[]; children: ReactNode }) {
  return (
    <TableContainer captionId={`${id}-caption`}>
      <table className="nhsuk-table app-report-table" id={id}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            {head.map((text) => (
              <th scope="col" key={text}>
                {text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">{children}</tbody>
      </table>
    </TableContainer>
  );
}

function filterSummary(report: CohortReport): string {
  const { cohort, pcn, from, to } = report.filters;
  const parts = [
    cohort ? `cohort ${cohort.name}` : 'all cohorts',
    pcn ? `CCCs of ${pcn.name}` : 'all PCNs',
    from && `starting from ${formatDate(from)}`,
    to && `starting up to ${formatDate(to)}`,
  ].filter(Boolean);
  return parts.join(', ');
}

/** The Alliance's cohort report: filters, the tables with their charts, and the files to download. */
export function CohortReportPage() {
  const [params] = useSearchParams();
  const query = useMemo(() => readReportQuery(params), [params]);
  const report = useCohortReport(query);
  const cohorts = useCohorts();
  const organisations = useOrganisations();
  useDocumentTitle(report.isError ? 'The cohort report could not be loaded' : 'Cohort report');
  const pcns = (organisations.data ?? []).filter((o) => o.kind === 'pcn');

  return (
    <>
      <PageHeading caption="Programme reports">Cohort report</PageHeading>
      <ReportFilters query={query} cohorts={cohorts.data ?? []} pcns={pcns} />
      {report.isPending ? (
        <Loading label="Loading the report" />
      ) : report.isError ? (
        <ErrorMessage title="The report could not be loaded" error={report.error}>
          <Button variant="secondary" onClick={() => void report.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : (
        <ReportBody report={report.data} stale={report.isPlaceholderData} />
      )}
      {report.data && <ReportDownloads query={query} />}
    </>
  );
}

function ReportBody({ report, stale }: { report: CohortReport; stale: boolean }) {
  const { enrolment, sessions, development, release, survey, outcomes, outcomeChanges, quotes } = report;
  const months = Math.max(0, ...outcomes.map((o) => o.byMonth.length));
  return (
    <div aria-busy={stale || undefined}>
      <p className="nhsuk-body-s" data-report-filters>
        Showing {filterSummary(report)}. Made {formatDateTime(report.generatedAt)}.
      </p>

      <section aria-labelledby="enrolment-heading" className="app-section">
        <h2 id="enrolment-heading">Enrolment and completion</h2>
        <Table
          id="enrolment"
          caption="Enrolment by cohort"
          head={['Cohort', 'Enrolled', 'Supervision track', 'Training only', 'Active', 'Withdrawn', 'Completed']}
        >
          {enrolment.cohorts.map((row) => (
            <tr key={row.cohortId} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__cell">
                {row.cohortName}
                <span className="app-secondary-text">Started {formatDate(row.startDate)}</span>
              </th>
              <td className="nhsuk-table__cell">{row.enrolled}</td>
              <td className="nhsuk-table__cell">{row.supervisionTrack}</td>
              <td className="nhsuk-table__cell">{row.trainingTrack}</td>
              <td className="nhsuk-table__cell">{row.active}</td>
              <td className="nhsuk-table__cell">{row.withdrawn}</td>
              <td className="nhsuk-table__cell">
                <ShareBar part={row.completed} whole={row.enrolled} />
              </td>
            </tr>
          ))}
          <tr className="nhsuk-table__row app-report-table__total">
            <th scope="row" className="nhsuk-table__cell">
              All
            </th>
            <td className="nhsuk-table__cell">{enrolment.total.enrolled}</td>
            <td className="nhsuk-table__cell">{enrolment.total.supervisionTrack}</td>
            <td className="nhsuk-table__cell">{enrolment.total.trainingTrack}</td>
            <td className="nhsuk-table__cell">{enrolment.total.active}</td>
            <td className="nhsuk-table__cell">{enrolment.total.withdrawn}</td>
            <td className="nhsuk-table__cell">
              <ShareBar part={enrolment.total.completed} whole={enrolment.total.enrolled} />
            </td>
          </tr>
        </Table>
      </section>

      <section aria-labelledby="sessions-heading" className="app-section">
        <h2 id="sessions-heading">Sessions against each party’s expectations</h2>
        {sessions.length === 0 ? (
          <p>No sessions are expected for these enrolments.</p>
        ) : (
          <>
            <BarChart
              title="Sessions delivered of those expected, by expectation"
              tableId="sessions"
              rows={sessions.map((row) => ({
                key: `${row.expectationKey}:${row.measure}`,
                label: row.title,
                value: row.delivered,
                of: row.expected,
              }))}
            />
            <Table
              id="sessions"
              caption="Sessions delivered against what was expected"
              head={['Expectation', 'Party', 'Delivered of expected', 'Enrolments meeting it']}
            >
              {sessions.map((row) => (
                <tr key={`${row.expectationKey}:${row.measure}`} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__cell">
                    {row.title}
                    <span className="app-secondary-text">
                      {row.measure === 'held' ? 'Sessions held' : 'Attendance of sessions held'}
                    </span>
                  </th>
                  <td className="nhsuk-table__cell">{PARTY_LABELS[row.party] ?? row.party}</td>
                  <td className="nhsuk-table__cell">
                    <ShareBar part={row.delivered} whole={row.expected} />
                    {(row.notHeld > 0 || row.didNotAttend > 0) && (
                      <span className="app-secondary-text">{sessionOutcomesText(row)}</span>
                    )}
                  </td>
                  <td className="nhsuk-table__cell">
                    {row.enrolmentsMet} of {row.enrolmentsCounted}
                    {row.enrolmentsNotInPlan > 0 && (
                      <span className="app-secondary-text">
                        {row.enrolmentsNotInPlan} target not in the plan (everything planned held or on course)
                      </span>
                    )}
                    {row.warning && <span className="app-secondary-text">{row.warning}</span>}
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>

      <section aria-labelledby="development-heading" className="app-section">
        <h2 id="development-heading">Competencies and training</h2>
        <Table id="development" caption="Competencies signed off and training completed" head={['Measure', 'Figure']}>
          <tr className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__cell">
              Competencies signed off
            </th>
            <td className="nhsuk-table__cell">{development.competenciesSignedOff}</td>
          </tr>
          <tr className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__cell">
              CCCs with at least one sign-off
            </th>
            <td className="nhsuk-table__cell">
              <ShareBar part={development.cccsWithASignOff} whole={development.cccs} />
            </td>
          </tr>
          <tr className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__cell">
              Training plan items completed
            </th>
            <td className="nhsuk-table__cell">
              <ShareBar part={development.trainingCompleted} whole={development.trainingItems} />
            </td>
          </tr>
        </Table>
      </section>

      <section aria-labelledby="release-heading" className="app-section">
        <h2 id="release-heading">Release time confirmed</h2>
        {release.length === 0 ? (
          <p>No PCNs in this report.</p>
        ) : (
          <Table
            id="release"
            caption="Release time by PCN"
            head={['PCN', 'CCCs', 'Hours confirmed', 'Requests waiting', 'Requests declined']}
          >
            {release.map((row) => (
              <tr key={row.pcnId} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__cell">
                  {row.pcnName}
                </th>
                <td className="nhsuk-table__cell">{row.cccs}</td>
                <td className="nhsuk-table__cell">{row.confirmedHours}</td>
                <td className="nhsuk-table__cell">{row.pendingRequests}</td>
                <td className="nhsuk-table__cell">{row.declinedRequests}</td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="workforce-heading" className="app-section">
        <h2 id="workforce-heading">Wider workforce at the conference</h2>
        <p>Care navigators, cancer support workers, social prescribers, therapy and health care assistants.</p>
        <Table id="workforce" caption="Wider workforce by role" head={['Role', 'Registered', 'Attended']}>
          {report.widerWorkforce.rows.map((row) => (
            <tr key={row.role} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__cell">
                {row.label}
              </th>
              <td className="nhsuk-table__cell">{row.registered}</td>
              <td className="nhsuk-table__cell">{row.present}</td>
            </tr>
          ))}
          <tr className="nhsuk-table__row">
            <th scope="row" className="nhsuk-table__cell">
              All roles
            </th>
            <td className="nhsuk-table__cell">{report.widerWorkforce.registered}</td>
            <td className="nhsuk-table__cell">{report.widerWorkforce.present}</td>
          </tr>
        </Table>
      </section>

      <section aria-labelledby="survey-heading" className="app-section">
        <h2 id="survey-heading">Evaluation survey</h2>
        <p>
          {SURVEY_RESPONDENTS.map(
            (respondent) => `${survey.responses[respondent] ?? 0} ${RESPONDENT_LABELS[respondent] ?? respondent}`,
          ).join(' and ')}{' '}
          submitted the survey. Answers are never shown with names; a statement fewer than 5 people answered shows
          “fewer than 5” instead of a figure.
        </p>
        {survey.statements.length === 0 ? (
          <p>The survey has no statements.</p>
        ) : (
          <>
            <StackedBarKey />
            <Table
              id="survey"
              caption="Agreed or strongly agreed, by statement"
              head={['Statement', 'Answering', 'Agreed or strongly agreed', 'Answers']}
            >
              {survey.statements.map((row) => (
                <tr key={row.statementId} className="nhsuk-table__row" data-statement={row.statementId}>
                  <th scope="row" className="nhsuk-table__cell">
                    {row.text}
                    <span className="app-secondary-text">
                      Asked of {row.respondents.map((r) => RESPONDENT_LABELS[r] ?? r).join(' and ')}
                    </span>
                  </th>
                  <td className="nhsuk-table__cell">{row.answering}</td>
                  <td className="nhsuk-table__cell">
                    {row.agreed !== null && row.percentAgreed !== null ? (
                      <ShareBar part={row.agreed} whole={row.answering} />
                    ) : (
                      row.display
                    )}
                  </td>
                  <td className="nhsuk-table__cell">
                    {row.distribution ? <StackedBar distribution={row.distribution} /> : 'fewer than 5'}
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>

      <section aria-labelledby="outcomes-heading" className="app-section">
        <h2 id="outcomes-heading">Outcomes</h2>
        {outcomes.length === 0 ? (
          <p>No outcome measures are set for these cohorts.</p>
        ) : (
          <Table
            id="outcomes"
            caption="Outcome totals, by programme month"
            head={['Measure', 'Total', 'CCCs reporting', ...Array.from({ length: months }, (_, i) => `Month ${i + 1}`)]}
          >
            {outcomes.map((row) => (
              <tr key={row.measureId} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__cell">
                  {row.label}
                </th>
                <td className="nhsuk-table__cell">
                  {row.total} {row.unit}
                </td>
                <td className="nhsuk-table__cell">{row.cccsReporting}</td>
                {Array.from({ length: months }, (_, i) => (
                  <td className="nhsuk-table__cell" key={i}>
                    {row.byMonth[i] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
        )}
        {outcomeChanges.length > 0 && (
          <>
            <h3>Baseline and change</h3>
            <p className="nhsuk-body-s">
              As the Greater Manchester pilot reported them: each CCC&rsquo;s first recording is their baseline and
              their latest minus it their change, added up for these cohorts; shares are of the reviews audited.
            </p>
            <Table
              id="outcome-changes"
              caption="Outcomes: baseline and change"
              head={['Measure', 'CCCs', 'Baseline', 'Latest', 'Change', 'Median CCC change', 'Whole period']}
            >
              {outcomeChanges.map((row) => (
                <tr key={row.measureId} className="nhsuk-table__row">
                  <th scope="row" className="nhsuk-table__cell">
                    {row.label}
                  </th>
                  <td className="nhsuk-table__cell">{row.cccs}</td>
                  <td className="nhsuk-table__cell">{outcomeValueText(row, row.baseline)}</td>
                  <td className="nhsuk-table__cell">{outcomeValueText(row, row.latest)}</td>
                  <td className="nhsuk-table__cell">{outcomeChangeText(row)}</td>
                  <td className="nhsuk-table__cell">
                    {row.medianChange === null
                      ? '\u2013'
                      : `${row.medianChange}${row.kind === 'share' ? ' points' : ''}`}
                  </td>
                  <td className="nhsuk-table__cell">
                    {outcomeValueText(row, row.overall)}
                    {row.overallOf !== null ? ` of ${row.overallOf} audited` : ''}
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>

      <section aria-labelledby="quotes-heading" className="app-section">
        <h2 id="quotes-heading">In their own words</h2>
        {quotes.length === 0 ? (
          <p>No one has allowed an answer to be quoted yet.</p>
        ) : (
          quotes.map((quote, index) => (
            <figure className="app-quote" key={index}>
              <blockquote className="nhsuk-inset-text">
                <p>{quote.text}</p>
              </blockquote>
              <figcaption className="nhsuk-body-s">Asked: {quote.question}</figcaption>
            </figure>
          ))
        )}
      </section>
    </div>
  );
}
