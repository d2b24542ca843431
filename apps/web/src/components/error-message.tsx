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

/** An error block that screen readers announce as soon as it appears. */
export function ErrorMessage({ title, error, children }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert">
      <h2 className="error-message__title">{title}</h2>
      {error !== undefined && <p>{describeError(error)}</p>}
      {children}
    </div>
  );
}
