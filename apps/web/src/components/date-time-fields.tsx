import { DateInput, TextInput } from './inputs';

/**
 * A date (the NHS date input) and a start time, in UK time: the booking form and the slot (propose / counter) form ask
 * for a session's time the same way.
 */
export function DateTimeFields({
  idPrefix,
  values,
  errors,
  onChange,
  timeHint = 'UK time, like 14:00',
}: {
  idPrefix: string;
  values: { date: string; time: string };
  errors: { date?: string; time?: string };
  onChange: (field: 'date' | 'time', value: string) => void;
  timeHint?: string;
}) {
  return (
    <>
      <DateInput
        id={`${idPrefix}-date`}
        label="Date"
        hint="For example, 6 4 2027"
        error={errors.date}
        value={values.date}
        onChange={(value) => onChange('date', value)}
      />
      <TextInput
        id={`${idPrefix}-time`}
        name="time"
        label="Start time"
        hint={timeHint}
        error={errors.time}
        width={5}
        inputMode="numeric"
        autoComplete="off"
        value={values.time}
        onChange={(value) => onChange('time', value)}
      />
    </>
  );
}
