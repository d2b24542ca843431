import type { PeopleImportOutcome, PeopleImportReport } from '@ccc/contracts';
import { ROLE_LABELS, type Role } from '@ccc/contracts';
import { useId, useState } from 'react';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorMessage, describeError } from '../../../components/error-message';
import { TableContainer } from '../../../components/table-container';
import { Tag, type Tone } from '../../../components/tag';
import { isApiClientError } from '../../../lib/api-client';
import { useDownloadPeopleTemplate, useDryRunPeopleImport, useImportPeople } from '../api/import-people';

const OUTCOMES: Record<PeopleImportOutcome, { label: string; tone: Tone }> = {
  invite: { label: 'Invite', tone: 'info' },
  add_role: { label: 'Add the role', tone: 'success' },
  error: { label: 'Problem', tone: 'danger' },
};

const where = (p: { row: number; column: string | null }) => `Row ${p.row}${p.column ? `, ${p.column}` : ''}`;

/**
 * An administrator imports people from a CSV or XLSX file: checked first (each row's outcome and every problem
 * with its row and column, nothing changed), then imported all at once; the invitations go out by e-mail after.
 */
export function PeopleImport() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<PeopleImportReport | null>(null);
  const [imported, setImported] = useState<PeopleImportReport | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const template = useDownloadPeopleTemplate();
  const dryRun = useDryRunPeopleImport();
  const run = useImportPeople();

  const check = () => {
    setImported(null);
    setChecked(null);
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    dryRun.mutate(file, { onSuccess: setChecked });
  };
  const importAll = () => {
    if (!file) return;
    run.mutate(file, {
      onSuccess: (report) => {
        setImported(report);
        setChecked(null);
      },
    });
  };
  const runErrors = isApiClientError(run.error) ? run.error.fieldErrors : [];

  return (
    <div data-testid="people-import">
      <p>
        One row per person: their name, e-mail, role (<code>ccc</code>, <code>pcn_supervisor</code> or{' '}
        <code>alliance_supervisor</code>), the name of their PCN (empty for an Alliance supervisor) and, for a CCC, the
        date they started in post. Everyone is sent an invitation and holds the role once they accept it; enrolling a
        CCC in a cohort stays a separate step.
      </p>
      <Button variant="secondary" pending={template.isPending} onClick={() => template.mutate()}>
        Download the template (CSV)
      </Button>
      {template.isError && <ErrorMessage title="The template could not be downloaded" error={template.error} />}
      <div className={`nhsuk-form-group${missingFile ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={inputId}>
          The file (CSV or XLSX)
        </label>
        {missingFile && (
          <span className="nhsuk-error-message" id={`${inputId}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> Choose a CSV or XLSX file
          </span>
        )}
        <input
          className="nhsuk-file-upload"
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={missingFile ? `${inputId}-error` : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setChecked(null);
          }}
        />
      </div>
      <Button pending={dryRun.isPending} onClick={check}>
        Check the file
      </Button>
      {dryRun.isError && <ErrorMessage title="The file could not be checked" error={dryRun.error} />}
      {run.isError && (
        <ErrorMessage title="Nothing was imported" error={runErrors.length ? undefined : run.error}>
          {runErrors.length > 0 && (
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {runErrors.map((e) => (
                <li key={`${e.field}:${e.reason}`}>
                  {e.field}: {e.reason}
                </li>
              ))}
            </ul>
          )}
          {runErrors.length === 0 && <p>{describeError(run.error)}</p>}
        </ErrorMessage>
      )}
      {imported && (
        <Confirmation title={`Imported ${imported.counts.invite + imported.counts.addRole} people`}>
          <p>
            {imported.counts.invite} invitations are being e-mailed; {imported.counts.addRole} people already in your
            Alliance were given their new role.
          </p>
        </Confirmation>
      )}
      {checked && <DryRunResult report={checked} pending={run.isPending} onImport={importAll} />}
    </div>
  );
}

function DryRunResult({
  report,
  pending,
  onImport,
}: {
  report: PeopleImportReport;
  pending: boolean;
  onImport: () => void;
}) {
  const { counts, problems } = report;
  return (
    <section aria-labelledby="import-check-heading" data-testid="import-check">
      <h3 id="import-check-heading">What the file would do</h3>
      <p>
        {counts.rows} rows: {counts.invite} to invite, {counts.addRole} to give a role, {counts.error} with a problem.
      </p>
      {problems.length > 0 && (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h4 className="nhsuk-error-summary__title">
            {problems.length === 1 ? 'There is a problem' : `There are ${problems.length} problems`}: correct the file
            and check it again
          </h4>
          <div className="nhsuk-error-summary__body">
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {problems.map((p, i) => (
                <li key={i} data-problem-row={p.row}>
                  {where(p)}: {p.reason}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {report.rows.length > 0 && (
        <TableContainer captionId="import-rows-caption">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption" id="import-rows-caption">
              Each row of the file
            </caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {report.rows.map((r) => (
                <tr key={r.row} className="nhsuk-table__row" data-import-row={r.row}>
                  <td className="nhsuk-table__cell">{r.row}</td>
                  <td className="nhsuk-table__cell">
                    {r.fullName}
                    <span className="app-secondary-text">{r.email}</span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {ROLE_LABELS[r.role as Role] ?? r.role}
                    {r.pcn ? `, ${r.pcn}` : ''}
                  </td>
                  <td className="nhsuk-table__cell">
                    <Tag tone={OUTCOMES[r.outcome].tone} hiddenPrefix="Outcome: ">
                      {OUTCOMES[r.outcome].label}
                    </Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      )}
      {problems.length === 0 && (
        <Button pending={pending} onClick={onImport}>
          Import {counts.invite + counts.addRole} people
        </Button>
      )}
    </section>
  );
}
