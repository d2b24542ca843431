import type { ReactNode } from 'react';

/** The page's h1, with a caption above it that says what the page is about (read as part of the heading). */
export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <h1 className="nhsuk-heading-l">
      {caption && (
        <span className="nhsuk-caption-l">
          {caption}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
      )}
      {children}
    </h1>
  );
}
