import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmationProps {
  title: string;
  children?: ReactNode;
  /** The heading level that fits the page outline. */
  headingLevel?: 2 | 3;
}

/** A success message that takes focus when it appears, so it is read out and the next Tab starts after it. */
export function Confirmation({ title, children, headingLevel = 2 }: ConfirmationProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  return (
    <div className="confirmation" role="status" tabIndex={-1} ref={ref}>
      <Heading className="confirmation__title">{title}</Heading>
      {children}
    </div>
  );
}
