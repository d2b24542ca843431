import { isIsoDate } from '@ccc/programme';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused), checked by the programme's own rule. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'date'} must be a real date as YYYY-MM-DD`,
      },
    },
    options,
  );
}
