import type { CompetencyGridResponse, TrainingPlanResponse } from '@ccc/contracts';
import { TRAINING_ITEM_KINDS } from '@ccc/programme';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../../components/button';
import { ErrorSummary } from '../../../../components/error-summary';
import { ChoiceGroup, FormField, fieldClass } from '../../../../components/form-field';
import { TextInput } from '../../../../components/inputs';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../../../utils/action-error';
import { TRAINING_ITEM_KIND_LABELS } from '../../utils/labels';
import { useAddTrainingItem } from '../api/add-training-item';
import {
  EMPTY_ADD_ITEM,
  addItemFieldFor,
  addItemFieldIds,
  monthsFor,
  toCreateItemRequest,
  validateAddItem,
  type AddItemErrors,
  type AddItemField,
  type AddItemValues,
} from '../utils/plan';

const FIELDS: readonly AddItemField[] = ['kind', 'courseKey', 'title', 'targetMonth', 'competencyCodes'];
const KIND_OPTIONS = TRAINING_ITEM_KINDS.map((kind) => ({ value: kind, label: TRAINING_ITEM_KIND_LABELS[kind] }));

interface AddItemFormProps {
  plan: TrainingPlanResponse;
  /** The framework's competencies, to say which an item serves; none while the grid loads. */
  domains: CompetencyGridResponse['domains'];
  onDone: (title: string, detail: string | null) => void;
}

/** Adds an item to the plan: a self-directed course, a month's group teaching, or other learning. */
export function AddItemForm({ plan, domains, onDone }: AddItemFormProps) {
  const [values, setValues] = useState<AddItemValues>(EMPTY_ADD_ITEM);
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  const add = useAddTrainingItem(plan.enrolmentId);
  const errors: AddItemErrors = { ...server.fields, ...(showErrors ? validateAddItem(values, plan) : {}) };

  function update<K extends keyof AddItemValues>(field: K, value: AddItemValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setServer((current) => {
      const fields = { ...current.fields };
      delete fields[field];
      return { ...current, fields };
    });
  }

  function toggleCode(code: string, checked: boolean) {
    update(
      'competencyCodes',
      checked ? [...values.competencyCodes, code] : values.competencyCodes.filter((c) => c !== code),
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const request = toCreateItemRequest(values);
    if (Object.keys(validateAddItem(values, plan)).length > 0 || !request) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    add.mutate(request, {
      onSuccess: () => {
        setValues(EMPTY_ADD_ITEM);
        setShowErrors(false);
        setServer(NO_ACTION_ERROR);
        onDone('Item added to the training plan', null);
      },
      onError: (error) => {
        setServer(readActionError(error, addItemFieldFor));
        setAttempt((n) => n + 1);
      },
    });
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...FIELDS.filter((field) => errors[field]).map((field) => ({
      message: errors[field] as string,
      fieldId: addItemFieldIds[field],
    })),
  ];

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorSummary id="add-item-errors" errors={summary} focusKey={attempt} />
      <ChoiceGroup
        id={addItemFieldIds.kind}
        name="plan-kind"
        legend="What kind of item is it?"
        error={errors.kind}
        options={KIND_OPTIONS}
        value={values.kind}
        onChange={(kind) => update('kind', kind)}
      />
      {values.kind === 'course' && (
        <FormField id={addItemFieldIds.courseKey} label="Course" error={errors.courseKey}>
          {(control) => (
            <select
              {...control}
              className={fieldClass('nhsuk-select', control)}
              value={values.courseKey}
              onChange={(event) => update('courseKey', event.target.value)}
            >
              <option value="">Choose a course</option>
              {plan.courses.map((course) => (
                <option key={course.key} value={course.key}>
                  {course.title}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {values.kind === 'free' && (
        <TextInput
          id={addItemFieldIds.title}
          label="What is it?"
          hint="For example, shadow a practice nurse at a cervical screening clinic"
          error={errors.title}
          type="text"
          value={values.title}
          onChange={(value) => update('title', value)}
        />
      )}
      <FormField id={addItemFieldIds.targetMonth} label="Month to do it by" error={errors.targetMonth}>
        {(control) => (
          <select
            {...control}
            className={fieldClass('nhsuk-select', control)}
            value={values.targetMonth}
            onChange={(event) => update('targetMonth', event.target.value)}
          >
            <option value="">Choose a month</option>
            {monthsFor(values.kind, plan).map(({ month, label }) => (
              <option key={month} value={String(month)}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {domains.length > 0 && (
        <div className={errors.competencyCodes ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
          <fieldset
            className="nhsuk-fieldset"
            id={addItemFieldIds.competencyCodes}
            aria-describedby="plan-competencies-hint"
          >
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Competencies it serves</legend>
            <div className="nhsuk-hint" id="plan-competencies-hint">
              Select all that apply, or none.
            </div>
            {errors.competencyCodes && (
              <span className="nhsuk-error-message">
                <span className="nhsuk-u-visually-hidden">Error:</span> {errors.competencyCodes}
              </span>
            )}
            {domains.map((domain) => (
              <div key={domain.key}>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  <strong>{domain.title}</strong>
                </p>
                <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                  {domain.competencies.map((competency) => {
                    const id = `plan-competency-${competency.code.replace(/[^A-Za-z0-9_-]/g, '_')}`;
                    return (
                      <div className="nhsuk-checkboxes__item" key={competency.code}>
                        <input
                          className="nhsuk-checkboxes__input"
                          id={id}
                          type="checkbox"
                          checked={values.competencyCodes.includes(competency.code)}
                          onChange={(event) => toggleCode(competency.code, event.target.checked)}
                        />
                        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                          {competency.code}: {competency.title}
                        </label>
                      </div>
                    );
                  })}
                </div>
              </div>
            ))}
          </fieldset>
        </div>
      )}
      <Button type="submit" pending={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add to the plan'}
      </Button>
    </form>
  );
}
