import { FormField, fieldClass } from '../../../components/form-field';

/**
 * A date and a start time side by side, in UK time: the booking form and the slot (propose / counter) form ask
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
    <div className="app-form-row">
      <FormField id={`${idPrefix}-date`} label="Date" error={errors.date}>
        {(control) => (
          <input
            {...control}
            className={fieldClass('nhsuk-input nhsuk-input--width-10', control)}
            type="date"
            name="date"
            value={values.date}
            onChange={(event) => onChange('date', event.target.value)}
          />
        )}
      </FormField>
      <FormField id={`${idPrefix}-time`} label="Start time" hint={timeHint} error={errors.time}>
        {(control) => (
          <input
            {...control}
            className={fieldClass('nhsuk-input nhsuk-input--width-5', control)}
            type="time"
            name="time"
            value={values.time}
            onChange={(event) => onChange('time', event.target.value)}
          />
        )}
      </FormField>
    </div>
  );
}
