import type { LogReleaseRequest } from '@ccc/contracts';
import { dateProblem } from '../../../utils/date-parts';
import { formatDate } from '../../../utils/format';

export interface LogFormValues {
  kind: 'study' | 'training' | '';
  date: string;
  minutes: string;
  description: string;
}

export type LogFormErrors = Partial<Record<keyof LogFormValues, string>>;

/** The same rules as the API, checked before sending: a kind, a date not in the future, 5 to 720 minutes, a description. */
export function checkLogForm(
  values: LogFormValues,
  today: string,
): { errors: LogFormErrors; request: LogReleaseRequest | null } {
  const errors: LogFormErrors = {};
  if (!values.kind) errors.kind = 'Select study time or a training day';
  if (!values.date) errors.date = 'Enter the date you took the time';
  else if (dateProblem(values.date)) errors.date = dateProblem(values.date) as string;
  else if (values.date > today) errors.date = `Date must be today or in the past (today is ${formatDate(today)})`;
  const minutesText = values.minutes.trim();
  const minutes = Number(minutesText);
  if (!minutesText) errors.minutes = 'Enter how many minutes you took';
  else if (!/^\d+$/.test(minutesText)) errors.minutes = 'Enter the time as a whole number of minutes, like 60';
  else if (minutes < 5) errors.minutes = 'The time must be at least 5 minutes';
  else if (minutes > 720) errors.minutes = 'The time must be at most 720 minutes (12 hours)';
  const description = values.description.trim();
  if (description.length < 2) errors.description = 'Enter what the time was for';
  else if (description.length > 500) errors.description = 'The description must be 500 characters or fewer';
  if (Object.keys(errors).length > 0 || !values.kind) return { errors, request: null };
  return { errors, request: { kind: values.kind, date: values.date, minutes, description } };
}
