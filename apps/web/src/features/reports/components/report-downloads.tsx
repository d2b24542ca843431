import type { CohortReportQuery, ReportFormat } from '@ccc/contracts';
import { useState } from 'react';
import { Button, ButtonGroup } from '../../../components/button';
import { ErrorMessage } from '../../../components/error-message';
import { useDownloadCohortReport } from '../api/download-cohort-report';
import { FORMAT_LABELS } from '../utils/report';

const FORMATS: ReportFormat[] = ['csv', 'xlsx', 'pdf'];

/** Download the report as it is filtered: one at a time, saying which file is being made while it is. */
export function ReportDownloads({ query }: { query: CohortReportQuery }) {
  const download = useDownloadCohortReport(query);
  const [saved, setSaved] = useState<ReportFormat | null>(null);
  const busy = download.isPending ? download.variables : null;

  return (
    <section aria-labelledby="downloads-heading" className="app-section">
      <h2 id="downloads-heading">Download the report</h2>
      <p>The files have the same tables as this page, for the same filters.</p>
      <ButtonGroup>
        {FORMATS.map((format) => (
          <Button
            key={format}
            variant="secondary"
            pending={download.isPending}
            onClick={() => {
              setSaved(null);
              download.mutate(format, { onSuccess: () => setSaved(format) });
            }}
          >
            {busy === format ? `Making the ${FORMAT_LABELS[format]} file…` : `Download ${FORMAT_LABELS[format]}`}
          </Button>
        ))}
      </ButtonGroup>
      <div role="status" aria-live="polite" className="app-download-status">
        {busy && (
          <p className="app-loading">
            <span className="app-loading__spinner" aria-hidden="true" />
            <span>Making the {FORMAT_LABELS[busy]} file. This can take a few seconds…</span>
          </p>
        )}
        {!busy && saved && <p>The {FORMAT_LABELS[saved]} file has been downloaded.</p>}
      </div>
      {download.isError && <ErrorMessage title="The file could not be made" error={download.error} />}
    </section>
  );
}
