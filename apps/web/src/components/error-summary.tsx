import { useEffect, useRef } from 'react';

export interface SummaryError {
  message: string;
  /** The id of the field at fault, to link to; none for an error about the whole form. */
  fieldId?: string;
}

interface ErrorSummaryProps {
  id: string;
  errors: SummaryError[];
  /** Changes on every failed submit: the summary then takes focus, so it is read out and Tab starts from it. */
  focusKey: number;
  title?: string;
}

/** "There is a problem", listing each error and linking to its field. */
export function ErrorSummary({ id, errors, focusKey, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (focusKey > 0 && hasErrors) ref.current?.focus();
  }, [focusKey, hasErrors]);

  if (!hasErrors) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <h2 className="error-summary__title" id={`${id}-title`}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {errors.map(({ message, fieldId }) => (
          <li key={`${fieldId ?? ''}:${message}`}>
            {fieldId ? (
              <a
                href={`#${fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  const field = document.getElementById(fieldId);
                  // A group of radios: focus its first choice.
                  const target = field?.matches('input, select, textarea, button')
                    ? field
                    : field?.querySelector<HTMLElement>('input, select, textarea, button');
                  target?.focus();
                }}
              >
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
