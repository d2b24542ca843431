import type { CohortResponse, PersonListItem } from '@ccc/contracts';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../components/button';
import { Details } from '../../../components/details';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { TextInput } from '../../../components/inputs';
import { StaleVersionNotice } from '../../../components/stale-version-notice';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../utils/action-error';
import { useCloseCohort, useDeleteCohort, useUpdateCohort } from '../api/change-cohort';

interface CohortCorrectionsProps {
  cohort: CohortResponse;
  supervisors: PersonListItem[];
  today: string;
  onDone: (title: string) => void;
  onDeleted: () => void;
  onReload: () => void;
}

const FIELDS = { name: 'edit-cohort-name', startDate: 'edit-cohort-start', supervisorIds: 'edit-cohort-supervisors' };
const fieldFor = (field: string) => (field in FIELDS ? field : null);

/**
 * Administrators correct a cohort: its name at any time, its start date and supervisors before it starts (the
 * planned sessions move with the date); close it; or delete one created in error while nothing has happened in it.
 */
export function CohortCorrections({ cohort, supervisors, today, onDone, onDeleted, onReload }: CohortCorrectionsProps) {
  const started = cohort.startDate <= today;
  const [name, setName] = useState(cohort.name);
  const [startDate, setStartDate] = useState(cohort.startDate);
  const [supervisorIds, setSupervisorIds] = useState(cohort.allianceSupervisors.map((p) => p.id));
  const [error, setError] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const update = useUpdateCohort(cohort.id);
  const close = useCloseCohort(cohort.id);
  const remove = useDeleteCohort(cohort.id);
  const fail = (e: unknown) => {
    setError(readActionError(e, fieldFor));
    setAttempt((n) => n + 1);
  };

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    setError(NO_ACTION_ERROR);
    update.mutate(
      {
        name,
        ...(started ? {} : { startDate, supervisorIds }),
        version: cohort.version,
      },
      { onSuccess: (c) => onDone(`Cohort corrected: ${c.name}`), onError: fail },
    );
  }

  const summary = [
    ...error.general.map((message) => ({ message })),
    ...Object.entries(error.fields).map(([field, message]) => ({
      message,
      fieldId: FIELDS[field as keyof typeof FIELDS],
    })),
  ];

  return (
    <section aria-labelledby="correct-heading" className="app-section">
      <h2 id="correct-heading">Correct this cohort</h2>
      {error.stale !== null && <StaleVersionNotice what="cohort" message={error.stale} onReload={onReload} />}
      <ErrorSummary id="correct-cohort-errors" errors={summary} focusKey={attempt} />
      {cohort.closedAt ? (
        <p>This cohort is closed: it keeps its records and takes no new enrolments.</p>
      ) : (
        <>
          <Details summary="Change its name, dates or supervisors">
            <form onSubmit={save} noValidate>
              <TextInput
                id={FIELDS.name}
                label="Name of the cohort"
                error={error.fields['name']}
                type="text"
                value={name}
                onChange={(value) => setName(value)}
              />
              {started ? (
                <p>
                  It started on {cohort.startDate}: its dates and supervisors can no longer change. A cohort created in
                  error can be deleted while nothing has happened in it.
                </p>
              ) : (
                <>
                  <FormField
                    id={FIELDS.startDate}
                    label="Start date"
                    hint="After today. Sessions not booked yet move with it; booked ones keep their time."
                    error={error.fields['startDate']}
                  >
                    {(control) => (
                      <input
                        {...control}
                        className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
                        type="date"
                        value={startDate}
                        onChange={(event) => setStartDate(event.target.value)}
                      />
                    )}
                  </FormField>
                  <div className="nhsuk-form-group">
                    <fieldset className="nhsuk-fieldset" id={FIELDS.supervisorIds}>
                      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                        Alliance supervisors who run it
                      </legend>
                      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                        {supervisors.map((person) => (
                          <div className="nhsuk-checkboxes__item" key={person.id}>
                            <input
                              className="nhsuk-checkboxes__input"
                              id={`edit-cohort-sup-${person.id}`}
                              type="checkbox"
                              checked={supervisorIds.includes(person.id)}
                              onChange={(event) =>
                                setSupervisorIds((ids) =>
                                  event.target.checked ? [...ids, person.id] : ids.filter((id) => id !== person.id),
                                )
                              }
                            />
                            <label
                              className="nhsuk-label nhsuk-checkboxes__label"
                              htmlFor={`edit-cohort-sup-${person.id}`}
                            >
                              {person.fullName}
                            </label>
                          </div>
                        ))}
                      </div>
                    </fieldset>
                  </div>
                </>
              )}
              <Button type="submit" pending={update.isPending}>
                {update.isPending ? 'Saving…' : 'Save the corrections'}
              </Button>
            </form>
          </Details>
          <Details summary="Close this cohort">
            <p>It keeps its records and takes no new enrolments or corrections.</p>
            <Button
              variant="secondary"
              pending={close.isPending}
              onClick={() =>
                close.mutate(
                  { version: cohort.version },
                  { onSuccess: (c) => onDone(`Cohort closed: ${c.name}`), onError: fail },
                )
              }
            >
              Close the cohort
            </Button>
          </Details>
        </>
      )}
      <Details summary="Delete this cohort (created in error)">
        <p>
          Only while nothing has happened in it: no session booked or held and nothing recorded. Its enrolments go with
          it; the audit trail keeps what it was.
        </p>
        {confirmDelete ? (
          <Button
            variant="warning"
            pending={remove.isPending}
            onClick={() => remove.mutate({ version: cohort.version }, { onSuccess: onDeleted, onError: fail })}
          >
            Yes, delete {cohort.name}
          </Button>
        ) : (
          <Button variant="warning" onClick={() => setConfirmDelete(true)}>
            Delete the cohort
          </Button>
        )}
      </Details>
    </section>
  );
}
