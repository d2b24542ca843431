import { FormField, fieldClass } from '../../../components/form-field';

interface ReasonFieldProps {
  id: string;
  label: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}

/** The "why" an administrator gives for a change to an enrolment, kept with it in its history. */
export function ReasonField({ id, label, error, value, onChange }: ReasonFieldProps) {
  return (
    <FormField id={id} label={label} error={error}>
      {(control) => (
        <textarea
          {...control}
          className={fieldClass('nhsuk-textarea', control)}
          rows={2}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
