import type { ReactNode } from 'react';

interface DetailsProps {
  summary: ReactNode;
  children: ReactNode;
  onToggle?: (open: boolean) => void;
}

/** NHS details: a native <details>, so it opens and closes with the keyboard and without script. */
export function Details({ summary, children, onToggle }: DetailsProps) {
  return (
    <details className="nhsuk-details" onToggle={(event) => onToggle?.(event.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}
