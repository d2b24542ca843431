import type { ReactNode } from 'react';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * The NHS classes of a text input, textarea or select: the base class (with any width modifier) and, when the control
 * is in error, the base class's error modifier, e.g. fieldClass('nhsuk-input nhsuk-input--width-10', control).
 */
export function fieldClass(classes: string, control: Pick<ControlProps, 'aria-invalid'>): string {
  if (!control['aria-invalid']) return classes;
  const base = classes.split(' ')[0];
  return `${classes} ${base}--error`;
}

interface FormFieldProps {
  id: string;
  label: ReactNode;
  /** A bigger label, for the one question of a form. */
  labelSize?: 's' | 'm' | 'l';
  hint?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

/** The inline error above a control: "Error:" first for screen readers, as the NHS error message does. */
export function InlineError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {children}
    </span>
  );
}

/** An NHS form group: the label, an optional hint, the error (if any) and the control, which is described by both. */
export function FormField({ id, label, labelSize, hint, error, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label className={labelSize ? `nhsuk-label nhsuk-label--${labelSize}` : 'nhsuk-label'} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && <InlineError id={errorId}>{error}</InlineError>}
      {children({ id, 'aria-describedby': describedBy(hintId, errorId), 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

interface ChoiceGroupProps<T extends string> {
  id: string;
  name: string;
  legend: ReactNode;
  /** Show the legend as a small heading (default) or hide it when a table row or heading names the group. */
  legendHidden?: boolean;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: string }[];
  value: T | '';
  onChange: (value: T) => void;
  inline?: boolean;
  small?: boolean;
}

/** NHS radios in a fieldset, the legend saying what is asked. */
export function ChoiceGroup<T extends string>({
  id,
  name,
  legend,
  legendHidden,
  hint,
  error,
  options,
  value,
  onChange,
  inline,
  small,
}: ChoiceGroupProps<T>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const radiosClass = ['nhsuk-radios', inline && 'nhsuk-radios--inline', small && 'nhsuk-radios--small']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" id={id} aria-describedby={describedBy(hintId, errorId)}>
        <legend
          className={legendHidden ? 'nhsuk-u-visually-hidden' : 'nhsuk-fieldset__legend nhsuk-fieldset__legend--s'}
        >
          {legend}
        </legend>
        {hint && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {error && <InlineError id={errorId}>{error}</InlineError>}
        <div className={radiosClass}>
          {options.map((option) => {
            const optionId = `${id}-${option.value}`;
            return (
              <div className="nhsuk-radios__item" key={option.value}>
                <input
                  className="nhsuk-radios__input"
                  type="radio"
                  id={optionId}
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
