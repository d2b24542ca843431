import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { Button } from '../../../components/button';
import { ChoiceGroup, FormField, fieldClass } from '../../../components/form-field';
import { todayInLondon } from '../../../utils/format';
import { NO_ACTION_ERROR, readActionError, type ActionErrorState } from '../../sessions/utils/action-error';
import { useLogRelease } from '../api/log-release';
import { checkLogForm, type LogFormValues } from '../utils/log-form';

const EMPTY: LogFormValues = { kind: 'study', date: '', minutes: '', description: '' };
const FIELDS = ['kind', 'date', 'minutes', 'description'] as const;

/** The CCC logs study time they took, or a training day, for their PCN supervisor to confirm. */
export function LogReleaseForm({ enrolmentId, onDone }: { enrolmentId: string; onDone: (message: string) => void }) {
  const today = todayInLondon();
  const [values, setValues] = useState<LogFormValues>({ ...EMPTY, date: today });
  const [showErrors, setShowErrors] = useState(false);
  const [server, setServer] = useState<ActionErrorState>(NO_ACTION_ERROR);
  const [attempt, setAttempt] = useState(0);
  // One key per filled-in form: a second click or a retry of the same form logs the time once.
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID());
  const log = useLogRelease(enrolmentId);

  const client = showErrors ? checkLogForm(values, today).errors : {};
  const errors: Partial<Record<keyof LogFormValues, string>> = { ...server.fields, ...client };

  function update(field: keyof LogFormValues, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setServer((previous) => {
      const fields = { ...previous.fields };
      delete fields[field];
      return { ...previous, fields };
    });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (log.isPending) return;
    const { request } = checkLogForm(values, today);
    if (!request) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    log.mutate(
      { ...request, requestKey },
      {
        onSuccess: () => {
          setValues({ ...EMPTY, date: today });
          setRequestKey(crypto.randomUUID());
          setShowErrors(false);
          setServer(NO_ACTION_ERROR);
          onDone(
            `${request.kind === 'training' ? 'Training day' : 'Study time'} logged: ${request.description}. Your PCN supervisor can now confirm it.`,
          );
        },
        onError: (error) => {
          setServer(readActionError(error, (field) => ((FIELDS as readonly string[]).includes(field) ? field : null)));
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  const summary = [
    ...server.general.map((message) => ({ message })),
    ...FIELDS.filter((field) => errors[field]).map((field) => ({
      message: errors[field] as string,
      fieldId: `log-${field}`,
    })),
  ];

  return (
    <form onSubmit={handleSubmit} noValidate>
      <ErrorSummary id="log-errors" errors={summary} focusKey={attempt} />
      <ChoiceGroup
        id="log-kind"
        name="kind"
        legend="What did you take?"
        error={errors.kind}
        options={[
          { value: 'study', label: 'Protected study time' },
          { value: 'training', label: 'A training day (counts towards the 5 days)' },
        ]}
        value={values.kind}
        onChange={(value) => update('kind', value)}
      />
      <div className="app-form-row">
        <FormField id="log-date" label="Date" hint="The day you took it: today or earlier" error={errors.date}>
          {(control) => (
            <input
              {...control}
              className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
              type="date"
              max={today}
              value={values.date}
              onChange={(event) => update('date', event.target.value)}
            />
          )}
        </FormField>
        <FormField id="log-minutes" label="Time, in minutes" hint="For example, 60 for an hour" error={errors.minutes}>
          {(control) => (
            <input
              {...control}
              className={fieldClass('nhsuk-input nhsuk-input--width-5', control)}
              type="text"
              inputMode="numeric"
              value={values.minutes}
              onChange={(event) => update('minutes', event.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormField
        id="log-description"
        label="What was it for?"
        hint="For example, e-LfH ACCEND module 2"
        error={errors.description}
      >
        {(control) => (
          <input
            {...control}
            className={fieldClass('nhsuk-input', control)}
            type="text"
            value={values.description}
            onChange={(event) => update('description', event.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" pending={log.isPending}>
        {log.isPending ? 'Sending…' : 'Log this time'}
      </Button>
    </form>
  );
}
