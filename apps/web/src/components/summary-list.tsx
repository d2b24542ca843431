import type { ReactNode } from 'react';

/** An NHS summary list: a key and its value per row. */
export function SummaryList({ children, noBorder }: { children: ReactNode; noBorder?: boolean }) {
  return (
    <dl className={noBorder ? 'nhsuk-summary-list nhsuk-summary-list--no-border' : 'nhsuk-summary-list'}>{children}</dl>
  );
}

interface SummaryRowProps {
  label: ReactNode;
  children: ReactNode;
  /** A second, quieter line under the value, e.g. the dates of a month. */
  secondary?: ReactNode;
}

export function SummaryRow({ label, children, secondary }: SummaryRowProps) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">
        {children}
        {secondary && <span className="app-secondary-text">{secondary}</span>}
      </dd>
    </div>
  );
}
