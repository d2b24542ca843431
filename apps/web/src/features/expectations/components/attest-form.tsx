import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { DateInput } from '../../../components/inputs';
import { useForm } from '../../../lib/use-form';
import { dateProblem } from '../../../utils/date-parts';
import { formatDate, todayInLondon } from '../../../utils/format';
import { useAttest } from '../api/attest';

interface AttestFormProps {
  enrolmentId: string;
  expectationKey: string;
  title: string;
  /** For the button's hidden text: "for Sam Taylor". */
  cccName?: string;
  /** `expectationKey` is a duty's key (one the party agreed to in the role offer, confirmed through the duties). */
  duty?: boolean;
  onDone?: (message: string) => void;
}

/** The date it was done: a real date, today or earlier. */
export function checkAttestedOn(date: string, today: string): string | null {
  if (!date) return 'Enter the date it was done';
  const problem = dateProblem(date, 'Date done');
  if (problem) return problem;
  if (date > today) return `Date done must be today or in the past (today is ${formatDate(today)})`;
  return null;
}

/** "Done on [today]": the responsible party ticks an expectation the data cannot show, with the date it was done. */
export function AttestForm({ enrolmentId, expectationKey, title, cccName, duty, onDone }: AttestFormProps) {
  const today = todayInLondon();
  const attest = useAttest(enrolmentId);
  const id = `attest-${enrolmentId}-${expectationKey}`;
  const form = useForm({
    initial: { date: today },
    idPrefix: id,
    fields: ['date'],
    serverFields: { attestedOn: 'date' },
    names: { date: 'the date it was done' },
    pending: attest.isPending,
    check: ({ date }: { date: string }) => {
      const error = checkAttestedOn(date, today);
      return error ? { errors: { date: error }, request: null } : { errors: {}, request: date };
    },
  });

  const submit = form.handleSubmit((attestedOn, fail) =>
    attest.mutate(
      { expectationKey, attestedOn, duty },
      {
        onSuccess: () => onDone?.(`Ticked as done: ${title}${cccName ? `, for ${cccName}` : ''}`),
        onError: fail,
      },
    ),
  );

  return (
    <form className="app-attest-form" onSubmit={submit} noValidate>
      <ErrorSummary inList id={`${id}-errors`} errors={form.summary} focusKey={form.attempt} />
      <DateInput
        id={form.fieldId('date')}
        label={
          <span>
            Date done<span className="nhsuk-u-visually-hidden">: {title}</span>
          </span>
        }
        hint="Today or earlier"
        error={form.errors.date}
        value={form.values.date}
        onChange={(value) => form.update('date', value)}
      />
      <Button type="submit" small pending={attest.isPending}>
        {attest.isPending ? 'Sending…' : 'Tick as done'}
        <span className="nhsuk-u-visually-hidden">
          : {title}
          {cccName && `, for ${cccName}`}
        </span>
      </Button>
    </form>
  );
}
