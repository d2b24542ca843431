import type { ReactNode } from 'react';

interface WarningCalloutProps {
  heading: string;
  headingId?: string;
  headingLevel?: 2 | 3 | 4;
  children: ReactNode;
  /** e.g. role="group" with aria-labelledby when it holds a question and its buttons. */
  role?: 'group';
}

/**
 * The NHS warning callout (a warning card since nhsuk-frontend 10): something the person must know before going on.
 * "Important:" is read first unless the heading says so already.
 */
export function WarningCallout({ heading, headingId, headingLevel = 3, children, role }: WarningCalloutProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="nhsuk-card nhsuk-card--warning" role={role} aria-labelledby={role ? headingId : undefined}>
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading" id={headingId}>
          {/important/i.test(heading) ? (
            heading
          ) : (
            <>
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {heading}
            </>
          )}
        </Heading>
        {children}
      </div>
    </div>
  );
}
