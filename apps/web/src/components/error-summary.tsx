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
  /**
   * For a small form inside a list (a reason beside a request): the title is not a heading, so the page's outline
   * stays in order wherever the list sits.
   */
  inList?: boolean;
}

/** Moves focus to the field a summary link names; for a group of radios, to its first choice. */
export function focusField(fieldId: string): void {
  const field = document.getElementById(fieldId);
  const target = field?.matches('input, select, textarea, button')
    ? field
    : field?.querySelector<HTMLElement>('input, select, textarea, button');
  target?.focus();
  // Bring the field's label (above it) into view too, as the NHS error summary does.
  target?.closest('.nhsuk-form-group')?.scrollIntoView({ block: 'start' });
}

/** The NHS error summary: "There is a problem", listing each error and linking to its field. */
export function ErrorSummary({ id, errors, focusKey, title = 'There is a problem', inList }: ErrorSummaryProps) {
  const Title = inList ? 'p' : 'h2';
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (focusKey > 0 && hasErrors) ref.current?.focus();
  }, [focusKey, hasErrors]);

  if (!hasErrors) return null;
  return (
    <div className="nhsuk-error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${id}-title`}>
      <Title className="nhsuk-error-summary__title" id={`${id}-title`}>
        {title}
      </Title>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {errors.map(({ message, fieldId }) => (
            <li key={`${fieldId ?? ''}:${message}`}>
              {fieldId ? (
                <a
                  href={`#${fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(fieldId);
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
    </div>
  );
}
