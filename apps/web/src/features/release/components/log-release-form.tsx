import { useState } from 'react';
import { ErrorSummary } from '../../../components/error-summary';
import { Button } from '../../../components/button';
import { DateInput, Radios, TextInput } from '../../../components/inputs';
import { useForm } from '../../../lib/use-form';
import { todayInLondon } from '../../../utils/format';
import { useLogRelease } from '../api/log-release';
import { checkLogForm, type LogFormValues } from '../utils/log-form';

const EMPTY: LogFormValues = { kind: 'study', date: '', minutes: '', description: '' };

/** The CCC logs study time they took, or a training day, for their PCN supervisor to confirm. */
export function LogReleaseForm({ enrolmentId, onDone }: { enrolmentId: string; onDone: (message: string) => void }) {
  const today = todayInLondon();
  // One key per filled-in form: a second click or a retry of the same form logs the time once.
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID());
  const log = useLogRelease(enrolmentId);
  const form = useForm({
    initial: { ...EMPTY, date: today },
    idPrefix: 'log',
    fields: ['kind', 'date', 'minutes', 'description'],
    check: (values: LogFormValues) => checkLogForm(values, today),
    pending: log.isPending,
    names: { date: 'the date', minutes: 'the time', description: 'what the time was for' },
  });
  const { values, errors, update } = form;

  const submit = form.handleSubmit((request, fail) =>
    log.mutate(
      { ...request, requestKey },
      {
        onSuccess: () => {
          form.reset({ ...EMPTY, date: today });
          setRequestKey(crypto.randomUUID());
          onDone(
            `${request.kind === 'training' ? 'Training day' : 'Study time'} logged: ${request.description}. Your PCN supervisor can now confirm it.`,
          );
        },
        onError: fail,
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary id="log-errors" errors={form.summary} focusKey={form.attempt} />
      <Radios
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
      <DateInput
        id="log-date"
        label="Date"
        hint="The day you took it: today or earlier. For example, 6 4 2027"
        error={errors.date}
        value={values.date}
        onChange={(value) => update('date', value)}
      />
      <TextInput
        id="log-minutes"
        label="Time, in minutes"
        hint="For example, 60 for an hour"
        error={errors.minutes}
        width={5}
        inputMode="numeric"
        value={values.minutes}
        onChange={(value) => update('minutes', value)}
      />
      <TextInput
        id="log-description"
        label="What was it for?"
        hint="For example, e-LfH ACCEND module 2"
        error={errors.description}
        value={values.description}
        onChange={(value) => update('description', value)}
      />
      <Button type="submit" pending={log.isPending}>
        {log.isPending ? 'Sending…' : 'Log this time'}
      </Button>
    </form>
  );
}
