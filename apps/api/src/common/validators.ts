import { dictionary } from '@zxcvbn-ts/language-common';
import { isIsoDate } from '@ccc/programme';
import { CONTROL_CHARACTERS as CONTROL, CONTROL_CHARACTERS_BUT_LINE_BREAKS, type TextRule } from '@ccc/contracts';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateBy, type ValidationOptions } from 'class-validator';

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

/**
 * A single-line text field (a name, an e-mail address, a title, a place): no line breaks or other control
 * characters, which would let a value forge lines in an e-mail, a CSV or a log. Non-strings are left to @IsString.
 */
export function SingleLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'singleLine',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !CONTROL.test(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a single line of text without control characters`,
      },
    },
    options,
  );
}

/** Multi-line free text (notes, reasons): line breaks and tabs are kept, other control characters refused. */
export function MultiLine(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'multiLine',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !CONTROL_CHARACTERS_BUT_LINE_BREAKS.test(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must not contain control characters other than line breaks and tabs`,
      },
    },
    options,
  );
}

/** Trims a string before it is validated (other values are left to the type check). */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Required free text that says why (a reason, a comment): trimmed first, so that a value of only spaces is refused
 * as too short rather than stored empty; at least `min` characters (1 by default) after trimming, at most `max`;
 * line breaks and tabs allowed, other control characters refused. `message` is the reason given when it is short.
 */
export function RequiredText({ min = 1, max, message }: Partial<TextRule> & { max: number; message: string }) {
  return applyDecorators(Trimmed(), IsString(), MinLength(min, { message }), MaxLength(max), MultiLine());
}

/**
 * A new password that is not on a list of common and breached passwords (NCSC; ASVS 2.1.7), checked offline against
 * the list zxcvbn-ts ships. Predictable variations are caught too: any case, and a listed word with digits or
 * symbols before or after it ("Password2024!").
 */
export function NotCommonPassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notCommonPassword',
      validator: {
        // A password under the 12-character minimum has that one error only.
        validate: (value: unknown) => typeof value !== 'string' || value.length < 12 || !isCommonPassword(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'password'} is too common (it is on lists of breached passwords): choose another`,
      },
    },
    options,
  );
}

let commonPasswords: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return commonPasswords.has(lower) || (core !== '' && commonPasswords.has(core));
}
