import type { NationalSummary } from '@ccc/contracts';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { InsetText } from '../../../components/inset-text';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { formatDateTime } from '../../../utils/format';
import { useDocumentTitle } from '../../../utils/use-document-title';
import { useDownloadNationalSummary } from '../api/download-national-summary';
import { useNationalSummary } from '../api/get-national-summary';
import { FigureTable } from '../components/figure-table';
import { figureRows } from '../utils/national';

const PARTY_LABELS: Record<string, string> = { alliance: 'the Alliance', pcn: 'the PCN', ccc: 'the CCC' };
const RESPONDENT_LABELS: Record<string, string> = { ccc: 'CCCs', pcn_supervisor: 'PCN supervisors' };

/** The national view: anonymous figures per Alliance and for the nation, with small numbers suppressed. */
export function NationalPage() {
  const summary = useNationalSummary();
  useDocumentTitle(summary.isError ? 'The national figures could not be loaded' : 'National figures');
  return (
    <>
      <PageHeading caption="Across Alliances">National figures</PageHeading>
      {summary.isPending ? (
        <Loading label="Loading the national figures" />
      ) : summary.isError ? (
        <ErrorMessage title="The national figures could not be loaded" error={summary.error}>
          <Button variant="secondary" onClick={() => void summary.refetch()}>
            Try again
          </Button>
        </ErrorMessage>
      ) : (
        <NationalBody summary={summary.data} />
      )}
    </>
  );
}

function NationalBody({ summary }: { summary: NationalSummary }) {
  const rows = figureRows(summary);
  return (
    <>
      <p>
        Enrolment, completion, expectations met and the evaluation survey of every Alliance’s programme, added up
        without names. As of {formatDateTime(summary.generatedAt)}: the figures are made again every few minutes.
      </p>
      <InsetText>
        <p>
          So that no one can be identified, a figure about fewer than {summary.threshold} people reads “fewer than{' '}
          {summary.threshold}”. Where such a figure could be worked out by taking the others from a total, another
          figure in the same row or column reads “withheld” as well.
        </p>
      </InsetText>

      <section aria-labelledby="enrolment-heading" className="app-section">
        <h2 id="enrolment-heading">Enrolment and completion</h2>
        <FigureTable
          id="national-enrolment"
          caption="CCCs enrolled, by Alliance"
          rows={rows}
          columns={[
            { heading: 'Enrolled', cell: (f) => f.enrolment.enrolled },
            { heading: 'Active', cell: (f) => f.enrolment.active },
            { heading: 'Completed', cell: (f) => f.enrolment.completed },
            { heading: 'Withdrawn', cell: (f) => f.enrolment.withdrawn },
            { heading: 'Completed, of enrolled', cell: (f) => f.enrolment.completedPercent },
          ]}
        />
      </section>

      <section aria-labelledby="expectations-heading" className="app-section">
        <h2 id="expectations-heading">Expectations met</h2>
        <p>CCCs whose expectation is met, of the CCCs it applies to, counted as the cohort report counts them.</p>
        {summary.expectations.length === 0 ? (
          <p>No expectation is counted yet.</p>
        ) : (
          summary.expectations.map((expectation, i) => (
            <FigureTable
              key={expectation.expectationKey}
              id={`national-expectation-${i}`}
              caption={`${expectation.title} (${PARTY_LABELS[expectation.party] ?? expectation.party})`}
              rows={rows}
              columns={[
                { heading: 'CCCs it applies to', cell: (f) => f.expectations[i]!.counted },
                { heading: 'Met', cell: (f) => f.expectations[i]!.met },
                { heading: 'Met, of those', cell: (f) => f.expectations[i]!.metPercent },
              ]}
            />
          ))
        )}
      </section>

      <section aria-labelledby="survey-heading" className="app-section">
        <h2 id="survey-heading">Evaluation survey</h2>
        <p>Submitted answers only; who answered is never shown.</p>
        {summary.statements.length === 0 ? (
          <p>The survey has no statements.</p>
        ) : (
          summary.statements.map((statement, i) => (
            <FigureTable
              key={statement.id}
              id={`national-statement-${i}`}
              caption={`“${statement.text}” (asked of ${statement.respondents.map((r) => RESPONDENT_LABELS[r] ?? r).join(' and ')})`}
              rows={rows}
              columns={[
                { heading: 'Answering', cell: (f) => f.survey[i]!.answering },
                { heading: 'Agreed or strongly agreed', cell: (f) => f.survey[i]!.agreedPercent },
              ]}
            />
          ))
        )}
      </section>

      <NationalDownload />
    </>
  );
}

function NationalDownload() {
  const download = useDownloadNationalSummary();
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="download-heading" className="app-section">
      <h2 id="download-heading">Download the figures</h2>
      <p>A CSV file with the same tables, every figure as it reads here.</p>
      <Button
        variant="secondary"
        pending={download.isPending}
        onClick={() => {
          setSaved(false);
          download.mutate(undefined, { onSuccess: () => setSaved(true) });
        }}
      >
        Download CSV
      </Button>
      <div role="status" aria-live="polite" className="app-download-status">
        {download.isPending && <p>Making the CSV file…</p>}
        {!download.isPending && saved && <p>The CSV file has been downloaded.</p>}
      </div>
      {download.isError && <ErrorMessage title="The file could not be made" error={download.error} />}
    </section>
  );
}
