import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { FormField, InlineError, fieldClass } from './form-field';
import { joinDate, problemParts, splitDate, type DateParts } from '../utils/date-parts';

export { ChoiceGroup as Radios } from './form-field';

/**
 * The NHS input components: each is a whole form group (label, hint, error, control), takes the form's value and
 * an `onChange` with the new value, and ties the hint and error to the control for screen readers.
 */

type Width = 2 | 3 | 4 | 5 | 10 | 20 | 30;

interface FieldBase {
  id: string;
  label: ReactNode;
  labelSize?: 's' | 'm' | 'l';
  hint?: ReactNode;
  error?: string;
}

interface TextInputProps
  extends FieldBase, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'className' | 'width'> {
  value: string;
  onChange: (value: string) => void;
  width?: Width;
}

/** An NHS text input. */
export function TextInput({
  id,
  label,
  labelSize,
  hint,
  error,
  value,
  onChange,
  width,
  type = 'text',
  ...rest
}: TextInputProps) {
  return (
    <FormField id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      {(control) => (
        <input
          {...rest}
          {...control}
          type={type}
          className={fieldClass(width ? `nhsuk-input nhsuk-input--width-${width}` : 'nhsuk-input', control)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

interface TextareaProps extends FieldBase {
  name?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /** The most characters the API takes: shows the NHS character count ("You have 120 characters remaining"). */
  maxLength?: number;
}

/** The NHS character count's words for what is left of a limit. */
export function charactersLeft(length: number, max: number): string {
  const left = max - length;
  const n = Math.abs(left).toLocaleString('en-GB');
  const characters = Math.abs(left) === 1 ? 'character' : 'characters';
  return left >= 0 ? `You have ${n} ${characters} remaining` : `You have ${n} ${characters} too many`;
}

/**
 * An NHS textarea; with `maxLength`, the NHS character count under it. The count never stops typing (a pasted text
 * over the limit can be trimmed there); the form's check says when it is too long. The count is read out politely,
 * a moment after typing stops.
 */
export function Textarea({
  id,
  label,
  labelSize,
  hint,
  error,
  name,
  value,
  onChange,
  rows = 5,
  maxLength,
}: TextareaProps) {
  const countId = `${id}-count`;
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    if (maxLength === undefined) return;
    const timer = setTimeout(() => setSpoken(charactersLeft(value.length, maxLength)), 1000);
    return () => clearTimeout(timer);
  }, [value, maxLength]);
  const field = (
    <FormField id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      {(control) => (
        <textarea
          {...control}
          aria-describedby={
            [control['aria-describedby'], maxLength !== undefined && `${countId}-info`].filter(Boolean).join(' ') ||
            undefined
          }
          className={fieldClass('nhsuk-textarea', control)}
          name={name}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
  if (maxLength === undefined) return field;
  const over = value.length > maxLength;
  return (
    <div className="nhsuk-character-count" data-maxlength={maxLength}>
      {field}
      <div className="nhsuk-u-visually-hidden" id={`${countId}-info`}>
        You can enter up to {maxLength.toLocaleString('en-GB')} characters
      </div>
      <div
        className={
          over ? 'nhsuk-error-message nhsuk-character-count__status' : 'nhsuk-hint nhsuk-character-count__status'
        }
        aria-hidden="true"
        data-character-count={id}
      >
        {charactersLeft(value.length, maxLength)}
      </div>
      <div className="nhsuk-u-visually-hidden" aria-live="polite">
        {spoken}
      </div>
    </div>
  );
}

interface SelectProps<T extends string> extends FieldBase {
  name?: string;
  value: T | '';
  onChange: (value: T) => void;
  options: readonly { value: T; label: string }[];
  /** The first, empty choice ("Choose a CCC"); none when a value is always chosen. */
  placeholder?: string;
}

/** An NHS select. */
export function Select<T extends string>({
  id,
  label,
  labelSize,
  hint,
  error,
  name,
  value,
  onChange,
  options,
  placeholder,
}: SelectProps<T>) {
  return (
    <FormField id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      {(control) => (
        <select
          {...control}
          className={fieldClass('nhsuk-select', control)}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value as T)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

interface GroupProps extends FieldBase {
  /** The legend as a small heading (default), or hidden when a heading or row already names the group. */
  legendHidden?: boolean;
  children: ReactNode;
  describedBy?: string;
}

/** An NHS fieldset in a form group: the legend, hint and error above the controls it groups. */
function Group({ id, label, labelSize = 's', hint, error, legendHidden, children }: GroupProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset
        className="nhsuk-fieldset"
        role="group"
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      >
        <legend
          className={
            legendHidden ? 'nhsuk-u-visually-hidden' : `nhsuk-fieldset__legend nhsuk-fieldset__legend--${labelSize}`
          }
        >
          {label}
        </legend>
        {hint && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error && <InlineError id={errorId}>{error}</InlineError>}
        {children}
      </fieldset>
    </div>
  );
}

interface CheckboxesProps<T extends string> extends FieldBase {
  name: string;
  values: readonly T[];
  onChange: (values: T[]) => void;
  options: readonly { value: T; label: string; hint?: string }[];
  legendHidden?: boolean;
  small?: boolean;
}

/** NHS checkboxes in a fieldset: the values ticked, in the options' order. */
export function Checkboxes<T extends string>({
  id,
  name,
  values,
  onChange,
  options,
  small,
  ...group
}: CheckboxesProps<T>) {
  const toggle = (value: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : values.includes(v))));
  return (
    <Group id={id} {...group}>
      <div className={small ? 'nhsuk-checkboxes nhsuk-checkboxes--small' : 'nhsuk-checkboxes'} id={id}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="nhsuk-checkboxes__item" key={option.value}>
              <input
                className="nhsuk-checkboxes__input"
                type="checkbox"
                id={optionId}
                name={name}
                value={option.value}
                checked={values.includes(option.value)}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={optionId}>
                {option.label}
              </label>
              {option.hint && (
                <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${optionId}-hint`}>
                  {option.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </Group>
  );
}

interface DateInputProps extends FieldBase {
  /** YYYY-MM-DD, '' or the boxes as typed (see utils/date-parts). */
  value: string;
  onChange: (value: string) => void;
  legendHidden?: boolean;
}

const DATE_BOXES: { part: keyof DateParts; label: string; width: 2 | 4 }[] = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

/**
 * The NHS.UK date input: day, month and year boxes in a fieldset whose legend names the date (the browser's picker
 * showed mm/dd/yyyy on some machines). The error summary links to `id`, which lands on the first box; with an error,
 * only the boxes at fault are marked.
 */
export function DateInput({
  id,
  label,
  labelSize,
  hint = 'For example, 15 3 2027',
  error,
  value,
  onChange,
  legendHidden,
}: DateInputProps) {
  const [parts, setParts] = useState<DateParts>(() => splitDate(value));
  const emitted = useRef(value);
  useEffect(() => {
    // A value set from outside (a reset, a loaded record) replaces the boxes; one this input sent keeps them as typed.
    if (value !== emitted.current) {
      emitted.current = value;
      setParts(splitDate(value));
    }
  }, [value]);
  const faulty = error ? problemParts(value) : [];
  const marked = (part: keyof DateParts) => Boolean(error) && (faulty.length === 0 || faulty.includes(part));
  return (
    <Group id={id} label={label} labelSize={labelSize} hint={hint} error={error} legendHidden={legendHidden}>
      <div className="nhsuk-date-input" id={id}>
        {DATE_BOXES.map(({ part, label: boxLabel, width }) => (
          <div className="nhsuk-date-input__item" key={part}>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${part}`}>
                {boxLabel}
              </label>
              <input
                className={[
                  'nhsuk-input nhsuk-date-input__input',
                  `nhsuk-input--width-${width}`,
                  marked(part) && 'nhsuk-input--error',
                ]
                  .filter(Boolean)
                  .join(' ')}
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                aria-invalid={marked(part) || undefined}
                value={parts[part]}
                onChange={(event) => {
                  const next = { ...parts, [part]: event.target.value };
                  setParts(next);
                  const joined = joinDate(next);
                  emitted.current = joined;
                  onChange(joined);
                }}
              />
            </div>
          </div>
        ))}
      </div>
    </Group>
  );
}
