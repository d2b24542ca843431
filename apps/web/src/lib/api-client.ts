/**
 * The one way the SPA talks to the API: JSON over fetch under `/api`, with the bearer token from the auth store.
 * Every failure becomes an `ApiClientError` carrying the HTTP status, a message fit to show, and the field errors
 * of a 400. A 401 on an authenticated call means the session is over: the token is cleared, and the guarded
 * routes send the person to the sign-in page.
 */
import type { ApiError } from '@ccc/contracts';
import { clearAuth, getToken } from './auth-store';

export const API_BASE = '/api';

export interface FieldError {
  field: string;
  reason: string;
}

export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** The API's short error name, e.g. "Not Found". */
  readonly error: string;
  readonly fieldErrors: FieldError[];

  constructor(status: number, message: string, error = '', fieldErrors: FieldError[] = []) {
    super(message);
    this.status = status;
    this.error = error;
    this.fieldErrors = fieldErrors;
  }
}

export function isApiClientError(value: unknown): value is ApiClientError {
  return value instanceof ApiClientError;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Send the bearer token and treat a 401 as the end of the session. Default true. */
  authenticated?: boolean;
}

const NETWORK_MESSAGE = 'The service could not be reached. Check your connection and try again.';

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'You do not have permission to see this.';
  if (status === 404) return 'This page or record could not be found.';
  if (status >= 500) return 'Sorry, there is a problem with the service. Try again later.';
  return 'Something went wrong. Try again.';
}

function isApiErrorBody(value: unknown): value is Partial<ApiError> {
  return typeof value === 'object' && value !== null;
}

/** Turns an error answer into an ApiClientError; tolerant of bodies that are not JSON or not the usual shape. */
export function toApiClientError(status: number, body: unknown): ApiClientError {
  if (!isApiErrorBody(body)) return new ApiClientError(status, fallbackMessage(status));
  const rawMessage = (body as { message?: unknown }).message;
  // Nest's default validation answers with an array of messages; the API's own filter with a string.
  const message =
    typeof rawMessage === 'string' && rawMessage.trim()
      ? rawMessage
      : Array.isArray(rawMessage) && rawMessage.length > 0
        ? rawMessage.map(String).join('. ')
        : fallbackMessage(status);
  const fieldErrors = Array.isArray(body.errors)
    ? body.errors.filter(
        (item): item is FieldError =>
          typeof item === 'object' &&
          item !== null &&
          typeof item.field === 'string' &&
          typeof item.reason === 'string',
      )
    : [];
  return new ApiClientError(status, message, typeof body.error === 'string' ? body.error : '', fieldErrors);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, authenticated = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (authenticated) {
    const token = getToken();
    if (token) headers['Authorization'] = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiClientError(0, NETWORK_MESSAGE);
  }

  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) {
    if (response.status === 401 && authenticated) clearAuth('expired');
    throw toApiClientError(response.status, parsed);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
};
