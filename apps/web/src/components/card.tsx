import type { ReactNode } from 'react';

interface CardProps {
  heading?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  headingId?: string;
  children?: ReactNode;
  /** "feature" puts the heading on a blue tab; "warning" makes it a warning callout. */
  variant?: 'feature' | 'warning';
  className?: string;
}

/** An NHS card: a heading and content that belong together. */
export function Card({ heading, headingLevel = 2, headingId, children, variant, className }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  const classes = ['nhsuk-card', variant && `nhsuk-card--${variant}`, className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <div
        className={variant === 'feature' ? 'nhsuk-card__content nhsuk-card__content--feature' : 'nhsuk-card__content'}
      >
        {heading && (
          <Heading
            className={
              variant === 'feature'
                ? 'nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m'
                : 'nhsuk-card__heading nhsuk-heading-m'
            }
            id={headingId}
          >
            {heading}
          </Heading>
        )}
        {children}
      </div>
    </div>
  );
}
