import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmationProps {
  title: string;
  children?: ReactNode;
  /** The level of the banner's "Success" heading; the title is one level below. */
  headingLevel?: 2 | 3;
}

/**
 * The NHS success notification banner. It takes focus when it appears, so it is read out and the next Tab starts
 * after it.
 */
export function Confirmation({ title, children, headingLevel = 2 }: ConfirmationProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Title = headingLevel === 2 ? 'h3' : 'h4';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  return (
    <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="status" tabIndex={-1} ref={ref}>
      <div className="nhsuk-notification-banner__header">
        <Heading className="nhsuk-notification-banner__title">Success</Heading>
      </div>
      <div className="nhsuk-notification-banner__content">
        <Title className="nhsuk-notification-banner__heading">{title}</Title>
        {children}
      </div>
    </div>
  );
}
