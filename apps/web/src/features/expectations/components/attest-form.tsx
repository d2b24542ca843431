import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/error-summary';
import { FormField, fieldClass } from '../../../components/form-field';
import { describeError } from '../../../components/error-message';
import { isApiClientError } from '../../../lib/api-client';
import { todayInLondon } from '../../../utils/format';
import { useAttest } from '../api/attest';

interface AttestFormProps {
  enrolmentId: string;
  expectationKey: string;
  title: string;
  /** For the button's hidden text: "for Sam Taylor". */
  cccName?: string;
  /** `expectationKey` is a Table 2 duty's key (confirmed through the duties). */
  duty?: boolean;
  onDone?: (message: string) => void;
}

/** "Done on [today]": the responsible party ticks an expectation the data cannot show, with the date it was done. */
export function AttestForm({ enrolmentId, expectationKey, title, cccName, duty, onDone }: AttestFormProps) {
  const today = todayInLondon();
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const attest = useAttest(enrolmentId);
  const id = `attest-${enrolmentId}-${expectationKey}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (attest.isPending) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError('Enter the date it was done');
      setAttempt((n) => n + 1);
      return;
    }
    if (date > today) {
      setError('The date must be today or in the past');
      setAttempt((n) => n + 1);
      return;
    }
    setError(null);
    attest.mutate(
      { expectationKey, attestedOn: date, duty },
      {
        onSuccess: () => onDone?.(`Ticked as done: ${title}${cccName ? `, for ${cccName}` : ''}`),
        onError: (cause) => {
          const field = isApiClientError(cause) ? cause.fieldErrors.find((f) => f.field === 'attestedOn') : undefined;
          setError(field ? field.reason.charAt(0).toUpperCase() + field.reason.slice(1) : describeError(cause));
          setAttempt((n) => n + 1);
        },
      },
    );
  }

  return (
    <form className="app-attest-form" onSubmit={handleSubmit} noValidate>
      <ErrorSummary
        inList
        id={`${id}-errors`}
        errors={error ? [{ message: error, fieldId: `${id}-date` }] : []}
        focusKey={attempt}
      />
      <FormField
        id={`${id}-date`}
        label={
          <span>
            Date done<span className="nhsuk-u-visually-hidden">: {title}</span>
          </span>
        }
        error={error ?? undefined}
      >
        {(control) => (
          <input
            {...control}
            className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
            type="date"
            max={today}
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        )}
      </FormField>
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
