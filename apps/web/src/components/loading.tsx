interface LoadingProps {
  /** What is loading, read out by screen readers, e.g. "Loading your CCCs". */
  label: string;
}

/** A polite status message with a spinner that is hidden from assistive technology (and still with reduced motion). */
export function Loading({ label }: LoadingProps) {
  return (
    <div className="app-loading" role="status" aria-live="polite">
      <span className="app-loading__spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}
