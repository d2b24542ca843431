import { Textarea } from '../../../components/inputs';

interface ReasonFieldProps {
  id: string;
  label: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}

/** The "why" an administrator gives for a change to an enrolment, kept with it in its history. */
export function ReasonField({ id, label, error, value, onChange }: ReasonFieldProps) {
  return <Textarea id={id} label={label} error={error} rows={2} value={value} onChange={(value) => onChange(value)} />;
}
