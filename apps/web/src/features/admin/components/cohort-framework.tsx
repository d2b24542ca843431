import type { CohortResponse, MoveCohortFrameworkResponse } from '@ccc/contracts';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/button';
import { Details } from '../../../components/details';
import { ErrorSummary } from '../../../components/error-summary';
import { Select } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { TableContainer } from '../../../components/table-container';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useFrameworks, useMoveCohortFramework } from '../api/cohort-framework';

interface CohortFrameworkProps {
  cohort: CohortResponse;
  onDone: (title: string) => void;
  onReload: () => void;
}

const FIELD = 'move-framework-version';

/**
 * Moving a cohort (a running one included) to another version of its competency framework (#15 item 9): the
 * administrator picks the version, sees what changes (added, removed, reworded — signed-off competencies keep the
 * wording signed), then confirms. A move that would drop competencies with records is refused by the API.
 */
export function CohortFramework({ cohort, onDone, onReload }: CohortFrameworkProps) {
  const frameworks = useFrameworks();
  const move = useMoveCohortFramework(cohort.id);
  const [frameworkId, setFrameworkId] = useState('');
  const [preview, setPreview] = useState<MoveCohortFrameworkResponse | null>(null);
  const [error, setError] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const fail = (e: unknown) => {
    setError(readActionError(e, (field) => (field === 'frameworkId' ? field : null)));
    setAttempt((n) => n + 1);
  };

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (move.isPending) return;
    setError(NO_ACTION_ERROR);
    setPreview(null);
    if (!frameworkId) {
      setError({ ...NO_ACTION_ERROR, fields: { frameworkId: 'Choose the framework version to move to' } });
      setAttempt((n) => n + 1);
      return;
    }
    move.mutate({ frameworkId, version: cohort.version, dryRun: true }, { onSuccess: setPreview, onError: fail });
  }

  function confirm() {
    if (!preview || move.isPending) return;
    move.mutate(
      { frameworkId: preview.to.id, version: cohort.version },
      {
        onSuccess: (moved) => {
          setPreview(null);
          onDone(`The cohort now works towards ${moved.to.name} version ${moved.to.version}`);
        },
        onError: fail,
      },
    );
  }

  const errors = [
    ...error.general.map((message) => ({ message })),
    ...Object.values(error.fields).map((message) => ({ message, fieldId: FIELD })),
  ];
  const changes = preview?.changes;
  return (
    <section aria-labelledby="framework-heading" className="app-section">
      <h2 id="framework-heading">Competency framework</h2>
      <Details summary="Move the cohort to another version of its framework">
        {error.stale !== null && <StaleVersionNotice what="cohort" message={error.stale} onReload={onReload} />}
        <ErrorSummary id="move-framework-errors" errors={errors} focusKey={attempt} />
        <form onSubmit={check} noValidate>
          <Select
            id={FIELD}
            label="Framework version"
            hint="Nothing moves until you have seen what changes and confirmed."
            error={error.fields['frameworkId']}
            value={frameworkId}
            onChange={(value) => {
              setFrameworkId(value);
              setPreview(null);
            }}
            placeholder="Choose a version"
            options={(frameworks.data ?? []).map((f) => ({
              value: f.id,
              label: `${f.name}, version ${f.version} (${f.competencyCount} competencies)`,
            }))}
          />
          <Button type="submit" variant="secondary" pending={move.isPending && !preview}>
            Check what changes
          </Button>
        </form>
        {preview && changes && (
          <div data-testid="framework-move-preview" aria-live="polite">
            <h3 className="nhsuk-heading-s">
              From {preview.from.name} version {preview.from.version} to {preview.to.name} version {preview.to.version}
            </h3>
            {preview.from.id === preview.to.id ? (
              <p>The cohort already works towards this version.</p>
            ) : (
              <>
                <p>
                  {changes.added.length} added, {changes.removed.length} removed, {changes.reworded.length} reworded,{' '}
                  {changes.unchanged} unchanged. Competencies already signed off keep the wording that was signed.
                </p>
                {changes.added.length + changes.removed.length + changes.reworded.length > 0 && (
                  <TableContainer captionId="framework-move-caption">
                    <table className="nhsuk-table">
                      <caption id="framework-move-caption" className="nhsuk-table__caption nhsuk-u-visually-hidden">
                        What the move changes
                      </caption>
                      <thead className="nhsuk-table__head">
                        <tr>
                          <th scope="col">Competency</th>
                          <th scope="col">Change</th>
                        </tr>
                      </thead>
                      <tbody className="nhsuk-table__body">
                        {changes.added.map((c) => (
                          <tr key={`added-${c.code}`}>
                            <td>
                              {c.code} {c.title}
                            </td>
                            <td>Added</td>
                          </tr>
                        ))}
                        {changes.removed.map((c) => (
                          <tr key={`removed-${c.code}`}>
                            <td>
                              {c.code} {c.title}
                            </td>
                            <td>
                              Removed
                              {c.recordedFor > 0 &&
                                ` — ${c.recordedFor} CCC${c.recordedFor === 1 ? ' has' : 's have'} a record against it`}
                            </td>
                          </tr>
                        ))}
                        {changes.reworded.map((c) => (
                          <tr key={`reworded-${c.code}`}>
                            <td>
                              {c.code} {c.to.title}
                            </td>
                            <td>
                              Reworded
                              {c.signedOffFor > 0 &&
                                ` — ${c.signedOffFor} sign-off${c.signedOffFor === 1 ? '' : 's'} keep the wording signed`}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableContainer>
                )}
                <Button onClick={confirm} pending={move.isPending}>
                  Move the cohort to version {preview.to.version}
                </Button>
              </>
            )}
          </div>
        )}
      </Details>
    </section>
  );
}
