import { QueryClient } from '@tanstack/react-query';
import { isApiClientError } from './api-client';

const MAX_RETRIES = 2;
/** A network failure is what a server restart looks like: worth a few more tries, further apart. */
const MAX_NETWORK_RETRIES = 4;

/**
 * Retry only what may succeed on a second try: network failures and server errors.
 * A 4xx (bad input, not signed in, forbidden, not found) will answer the same way again.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiClientError(error)) {
    if (error.status === 0) return failureCount < MAX_NETWORK_RETRIES;
    return failureCount < MAX_RETRIES && error.status >= 500;
  }
  return failureCount < MAX_RETRIES;
}

/** 1 s, 2 s, 4 s, then 8 s between tries: about 15 s in all, the time the API takes to restart. */
export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Back online: TanStack Query resumes the paused queries and refetches the rest (its default, said here).
        refetchOnReconnect: true,
      },
      // Writes are not repeated behind the person's back: a failed one says so, and they choose to try again.
      mutations: { retry: false },
    },
  });
}
