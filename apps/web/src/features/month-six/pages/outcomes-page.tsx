import type { OutcomesView } from '@ccc/contracts';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/back-link';
import { Button } from '../../../components/button';
import { Confirmation } from '../../../components/confirmation';
import { ErrorSummary } from '../../../components/error-summary';
import { EmptyState } from '../../../components/empty-state';
import { PageHeading } from '../../../components/page-heading';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { TableContainer } from '../../../components/table-container';
import { formatDateRange } from '../../../utils/format';
import { QueryPage } from '../../admin';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useOutcomes } from '../api/get-outcomes';
import { useRecordOutcomes } from '../api/record-outcomes';
import { cellKey, outcomeCellsFrom, toRecordOutcomesRequest, validateOutcomeCells } from '../utils/month-six';

/** The outcomes log: the CCC's monthly counts of what the Alliance chose to measure, a row per month. */
export function OutcomesPage() {
  const { enrolmentId = '' } = useParams();
  const outcomes = useOutcomes(enrolmentId);
  // Bumped on a reload after a stale save, so the table starts again from the counts as they now are.
  const [generation, setGeneration] = useState(0);
  const backLink = <BackLink to={`/enrolments/${enrolmentId}`}>Back to the timeline</BackLink>;
  return (
    <QueryPage title="Outcomes log" what="the outcomes log" query={outcomes} before={backLink}>
      {() => (
        <>
          {backLink}
          <PageHeading caption="Outcomes">Outcomes log</PageHeading>
          <OutcomesTable
            key={generation}
            view={outcomes.data!}
            onReload={() => void outcomes.refetch().then(() => setGeneration((g) => g + 1))}
          />
        </>
      )}
    </QueryPage>
  );
}

function OutcomesTable({ view, onReload }: { view: OutcomesView; onReload: () => void }) {
  const [cells, setCells] = useState(() => outcomeCellsFrom(view));
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<number | null>(null);
  const record = useRecordOutcomes(view.enrolmentId);
  const errors = showErrors ? validateOutcomeCells(cells) : {};
  const cellId = (key: string) => `count-${key.replace(':', '-')}`;

  if (view.measures.length === 0) {
    return (
      <EmptyState title="No outcomes to count">
        <p>The Alliance has not chosen any outcomes to count for this programme.</p>
      </EmptyState>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    if (Object.keys(validateOutcomeCells(cells)).length > 0) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    const request = toRecordOutcomesRequest(view, cells);
    if (!request) return setDone(0);
    record.mutate(request, {
      onSuccess: (next) => {
        setCells(outcomeCellsFrom(next));
        setServer(NO_ACTION_ERROR);
        setDone(request.entries.length);
      },
      onError: (error) => {
        setServer(readActionError(error, () => null));
        setAttempt((n) => n + 1);
      },
    });
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...Object.entries(errors).map(([key, message]) => {
      const [month, measureId] = key.split(':');
      const measure = view.measures.find((m) => m.id === measureId);
      return { message: `${measure?.label ?? measureId}, month ${month}: ${message}`, fieldId: cellId(key) };
    }),
  ];
  const months = [...view.months].sort((a, b) => a.month - b.month);

  const table = (
    <TableContainer captionId="outcomes-caption">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="outcomes-caption">
          Counts by programme month
        </caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Month</th>
            {view.measures.map((measure) => (
              <th scope="col" key={measure.id} id={`measure-${measure.id}`}>
                {measure.label}
                <span className="app-secondary-text">{measure.unit}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {months.map((month) => (
            <tr className="nhsuk-table__row" key={month.month}>
              <th scope="row" className="nhsuk-table__cell" id={`month-${month.month}`}>
                Month {month.month}
                <span className="app-secondary-text">{formatDateRange(month.startsOn, month.endsBefore)}</span>
              </th>
              {view.measures.map((measure) => {
                const key = cellKey(month.month, measure.id);
                return (
                  <td className="nhsuk-table__cell" key={measure.id}>
                    {view.canRecord ? (
                      <input
                        className={
                          errors[key]
                            ? 'nhsuk-input nhsuk-input--width-4 nhsuk-input--error'
                            : 'nhsuk-input nhsuk-input--width-4'
                        }
                        id={cellId(key)}
                        inputMode="numeric"
                        aria-labelledby={`measure-${measure.id} month-${month.month}`}
                        aria-invalid={errors[key] ? true : undefined}
                        value={cells[key] ?? ''}
                        onChange={(event) => setCells((c) => ({ ...c, [key]: event.target.value }))}
                      />
                    ) : (
                      (cells[key] ?? 'Not recorded')
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );

  if (!view.canRecord) return months.length === 0 ? <p>No months of the programme have started yet.</p> : table;
  return (
    <form onSubmit={handleSubmit} noValidate>
      {done !== null && (
        <Confirmation
          key={attempt}
          title={done === 0 ? 'Nothing had changed' : `${done} ${done === 1 ? 'count' : 'counts'} saved`}
        />
      )}
      {server.stale !== null && <StaleVersionNotice what="outcomes log" message={server.stale} onReload={onReload} />}
      <ErrorSummary id="outcomes-errors" errors={summary} focusKey={attempt} />
      <p>Enter each month’s count. Leave a box empty if you have nothing to record yet.</p>
      {table}
      <Button type="submit" pending={record.isPending}>
        {record.isPending ? 'Saving…' : 'Save counts'}
      </Button>
    </form>
  );
}
