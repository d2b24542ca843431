import type { ReactNode } from 'react';

interface TableContainerProps {
  /** The id of the table's caption, which names the scrolling region too. */
  captionId: string;
  children: ReactNode;
}

/**
 * A wide table that scrolls sideways inside the page rather than widening it. The region can take focus, so it can
 * be scrolled with the keyboard.
 */
export function TableContainer({ captionId, children }: TableContainerProps) {
  return (
    <div className="nhsuk-table-container" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
