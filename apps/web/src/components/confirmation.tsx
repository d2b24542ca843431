import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmationProps {
  title: string;
  children?: ReactNode;
}

/** A success message that takes focus when it appears, so it is read out and the next Tab starts after it. */
export function Confirmation({ title, children }: ConfirmationProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  return (
    <div className="confirmation" role="status" tabIndex={-1} ref={ref}>
      <h2 className="confirmation__title">{title}</h2>
      {children}
    </div>
  );
}
