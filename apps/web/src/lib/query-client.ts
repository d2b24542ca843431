import { QueryClient } from '@tanstack/react-query';
import { isApiClientError } from './api-client';

const MAX_RETRIES = 2;

/**
 * Retry only what may succeed on a second try: network failures and server errors.
 * A 4xx (bad input, not signed in, forbidden, not found) will answer the same way again.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (isApiClientError(error)) return error.status === 0 || error.status >= 500;
  return true;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
