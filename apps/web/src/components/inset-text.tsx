import type { ReactNode } from 'react';

/** NHS inset text: information that stands out from the text around it, such as a reason given. */
export function InsetText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="nhsuk-inset-text" data-testid={testId}>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}
