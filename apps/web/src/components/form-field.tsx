import type { ReactNode } from 'react';

/** What a control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FormFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

/** A label, an optional hint, the error (if any) and the control, which is described by both. */
export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error:</span> {error}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy(hintId, errorId), 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

interface ChoiceGroupProps<T extends string> {
  id: string;
  name: string;
  legend: ReactNode;
  /** Show the legend as a label-sized heading (default) or hidden when a table row names the group. */
  legendHidden?: boolean;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: string }[];
  value: T | '';
  onChange: (value: T) => void;
  inline?: boolean;
}

/** A group of radio buttons in a fieldset, the legend saying what is asked. */
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
}: ChoiceGroupProps<T>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" id={id} aria-describedby={describedBy(hintId, errorId)}>
        <legend className={legendHidden ? 'visually-hidden' : 'label'}>{legend}</legend>
        {hint && (
          <div className="hint" id={hintId}>
            {hint}
          </div>
        )}
        {error && (
          <p className="field-error" id={errorId}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className={inline ? 'radios radios--inline' : 'radios'}>
          {options.map((option) => {
            const optionId = `${id}-${option.value}`;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  type="radio"
                  id={optionId}
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                />
                <label className="radios__label" htmlFor={optionId}>
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
