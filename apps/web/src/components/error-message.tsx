import type { ReactNode } from 'react';
import { isApiClientError } from '../lib/api-client';

interface ErrorMessageProps {
  title: string;
  error?: unknown;
  children?: ReactNode;
}

export function describeError(error: unknown): string {
  if (isApiClientError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

/**
 * Something could not be loaded or done: in the NHS error summary's box, since it is the same kind of message, and
 * announced as soon as it appears.
 */
export function ErrorMessage({ title, error, children }: ErrorMessageProps) {
  return (
    <div className="nhsuk-error-summary" role="alert">
      <h2 className="nhsuk-error-summary__title">{title}</h2>
      <div className="nhsuk-error-summary__body">
        {error !== undefined && <p>{describeError(error)}</p>}
        {children}
      </div>
    </div>
  );
}
