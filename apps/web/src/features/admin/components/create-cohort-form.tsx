import type { CohortResponse, PersonListItem, TemplateResponse } from '@ccc/contracts';
import type { FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { Select, TextInput } from '../../../components/inputs';
import { useCreateCohort } from '../api/create-cohort';
import { EMPTY_COHORT, cohortFieldFor, cohortFieldIds, toCreateCohortRequest, validateCohort } from '../utils/forms';
import { useAdminForm } from './use-admin-form';

interface CreateCohortFormProps {
  templates: TemplateResponse[];
  supervisors: PersonListItem[];
  onCreated: (cohort: CohortResponse) => void;
}

/** A new cohort: its name, the template version it follows, when month 1 starts, and who runs it. */
export function CreateCohortForm({ templates, supervisors, onCreated }: CreateCohortFormProps) {
  const form = useAdminForm(EMPTY_COHORT, validateCohort, cohortFieldIds, cohortFieldFor);
  const create = useCreateCohort();
  const { values, update, errors } = form;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending || !form.check()) return;
    create.mutate(toCreateCohortRequest(values), {
      onSuccess: (cohort) => {
        form.reset();
        onCreated(cohort);
      },
      onError: form.fail,
    });
  }

  const toggle = (id: string, checked: boolean) =>
    update('supervisorIds', checked ? [...values.supervisorIds, id] : values.supervisorIds.filter((s) => s !== id));

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorSummary id="cohort-errors" errors={form.summary} focusKey={form.attempt} />
      <TextInput
        id={cohortFieldIds.name}
        label="Name of the cohort"
        error={errors.name}
        type="text"
        value={values.name}
        onChange={(value) => update('name', value)}
      />
      <Select
        id={cohortFieldIds.templateId}
        label="Programme template"
        hint="The version it follows stays fixed, even when a newer version is saved"
        error={errors.templateId}
        value={values.templateId}
        onChange={(value) => update('templateId', value)}
        placeholder="Choose a template version"
        options={templates.map((template) => ({
          value: template.id,
          label: `${template.name}, version ${template.version}`,
        }))}
      />
      <FormField
        id={cohortFieldIds.startDate}
        label="Start date"
        hint="Month 1 starts on this date, for example 1 April 2027"
        error={errors.startDate}
      >
        {(control) => (
          <input
            {...control}
            className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
            type="date"
            value={values.startDate}
            onChange={(event) => update('startDate', event.target.value)}
          />
        )}
      </FormField>
      {supervisors.length > 0 && (
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset" id={cohortFieldIds.supervisorIds} aria-describedby="cohort-sup-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Alliance supervisors who run it
            </legend>
            <div className="nhsuk-hint" id="cohort-sup-hint">
              Select all that apply, or none for now.
            </div>
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
              {supervisors.map((person) => (
                <div className="nhsuk-checkboxes__item" key={person.id}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`cohort-sup-${person.id}`}
                    type="checkbox"
                    checked={values.supervisorIds.includes(person.id)}
                    onChange={(event) => toggle(person.id, event.target.checked)}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`cohort-sup-${person.id}`}>
                    {person.fullName}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      )}
      <Button type="submit" pending={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create cohort'}
      </Button>
    </form>
  );
}
