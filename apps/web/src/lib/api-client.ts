/**
 * The one way the SPA talks to the API: JSON over fetch under `/api`, with the bearer token from the auth store.
 * Every failure becomes an `ApiClientError` carrying the HTTP status, a message fit to show, and the field errors
 * of a 400. A 401 on an authenticated call means the access token has ended: it is renewed with the refresh
 * cookie and the call made once more; when that fails too the session is over, the token is cleared, and the
 * guarded routes send the person to the sign-in page.
 */
import type { ApiError, ConflictError } from '@ccc/contracts';
import { clearAuth, getToken, refreshSession } from './auth-store';
import { submissionIdentity, submissionKeys } from './submission-keys';
import { plainReason, readableDates } from '../utils/plain-messages';

export const API_BASE = '/api';

export interface FieldError {
  field: string;
  /** Fit to show: the API's generic checks put in plain English, dates as people read them. */
  reason: string;
  /** The API's own words, when they were put in plain English; for a form that names the field itself. */
  rawReason?: string;
}

/** The other session a booking would clash with (a 409 from a session write). */
export type SessionConflict = NonNullable<ConflictError['conflict']>;

export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** The API's short error name, e.g. "Not Found". */
  readonly error: string;
  readonly fieldErrors: FieldError[];
  /** Set on a 409 for a clash with another session. */
  readonly conflict: SessionConflict | null;
  /** A machine-readable reason some refusals carry, e.g. "sso_required" on a password sign-in. */
  readonly reason: string | null;

  constructor(
    status: number,
    message: string,
    error = '',
    fieldErrors: FieldError[] = [],
    conflict: SessionConflict | null = null,
    reason: string | null = null,
  ) {
    super(message);
    this.status = status;
    this.error = error;
    this.fieldErrors = fieldErrors;
    this.conflict = conflict;
    this.reason = reason;
  }
}

function toConflict(value: unknown): SessionConflict | null {
  if (typeof value !== 'object' || value === null) return null;
  const { sessionId, title, startsAt, durationMinutes } = value as Record<string, unknown>;
  if (typeof sessionId !== 'string' || typeof startsAt !== 'string') return null;
  return {
    sessionId,
    title: typeof title === 'string' ? title : 'Another session',
    startsAt,
    durationMinutes: typeof durationMinutes === 'number' ? durationMinutes : 0,
  };
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
  /** Sent as `Idempotency-Key` (apiRequest sets it on every POST: submission-keys.ts). */
  idempotencyKey?: string;
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
    ? body.errors
        .filter(
          (item): item is FieldError =>
            typeof item === 'object' &&
            item !== null &&
            typeof item.field === 'string' &&
            typeof item.reason === 'string',
        )
        .map(({ field, reason }) => {
          const plain = plainReason(field, reason);
          return plain === reason ? { field, reason } : { field, reason: plain, rawReason: reason };
        })
    : [];
  return new ApiClientError(
    status,
    readableDates(message),
    typeof body.error === 'string' ? body.error : '',
    fieldErrors,
    toConflict((body as { conflict?: unknown }).conflict),
    typeof (body as { reason?: unknown }).reason === 'string' ? (body as { reason: string }).reason : null,
  );
}

/**
 * Sends a JSON request the way every call goes: every POST carries its submission's key (the API makes a create safe
 * to repeat with it and ignores it elsewhere), and a 401 renews the session once. The typed client
 * (contract-client.ts) sends through this too.
 */
export async function sendJson(path: string, options: RequestOptions = {}): Promise<Response> {
  const identity = options.method === 'POST' ? submissionIdentity('POST', path, options.body) : null;
  if (identity) options = { ...options, idempotencyKey: submissionKeys.keyFor(identity) };
  const response = await sendRenewing(path, options, 'application/json');
  if (identity) submissionKeys.settle(identity, response.status);
  return response;
}

/** Untyped: prefer `contract` (contract-client.ts), whose answers are typed from the OpenAPI document. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await sendJson(path, options);
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) throw toApiClientError(response.status, parsed);
  return parsed as T;
}

/** A file the API makes, fetched with the bearer token (a plain link could not send it), e.g. an .ics file. */
export async function apiDownload(path: string, accept: string, signal?: AbortSignal): Promise<Blob> {
  const response = await sendRenewing(path, { signal }, accept);
  if (!response.ok) {
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(await response.text());
    } catch {
      parsed = undefined;
    }
    throw toApiClientError(response.status, parsed);
  }
  return response.blob();
}

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send in all (the whole multipart body). */
  total: number;
}

export interface UploadOptions {
  method?: 'POST' | 'PUT';
  /** Called as the body goes out; fetch cannot report this, which is why an upload uses XMLHttpRequest. */
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

interface UploadAnswer {
  status: number;
  body: unknown;
}

/**
 * A multipart upload (a file and its text fields) with the bearer token, reporting progress as it goes. A 401
 * renews the access token once and sends the form again, as `apiRequest` does; other failures become an
 * ApiClientError with the API's status (413 and 415 included, for the caller to word).
 */
export async function apiUpload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  const method = options.method ?? 'POST';
  const identity = method === 'POST' ? submissionIdentity(method, path, form) : null;
  const key = identity ? submissionKeys.keyFor(identity) : undefined;
  let answer = await sendUpload(path, form, options, key);
  if (answer.status === 401) {
    if (!(await refreshSession())) {
      clearAuth('expired');
      throw toApiClientError(401, answer.body);
    }
    answer = await sendUpload(path, form, options, key);
    if (answer.status === 401) clearAuth('expired');
  }
  if (identity) submissionKeys.settle(identity, answer.status);
  if (answer.status < 200 || answer.status >= 300) throw toApiClientError(answer.status, answer.body);
  return answer.body as T;
}

function sendUpload(
  path: string,
  form: FormData,
  { method = 'POST', onProgress, signal }: UploadOptions,
  idempotencyKey: string | undefined,
) {
  return new Promise<UploadAnswer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was stopped', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    if (idempotencyKey) xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
      };
    }
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      settle();
      let body: unknown = undefined;
      if (xhr.responseText) {
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => {
      settle();
      reject(new ApiClientError(0, NETWORK_MESSAGE));
    };
    xhr.onabort = () => {
      settle();
      reject(new DOMException('The upload was stopped', 'AbortError'));
    };
    // No Content-Type header: the browser writes multipart/form-data with its boundary.
    xhr.send(form);
  });
}

/** `send`, and for an authenticated call refused with 401: renew the access token once and try again. */
async function sendRenewing(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const response = await send(path, options, accept);
  if (response.status !== 401 || options.authenticated === false) return response;
  if (!(await refreshSession())) {
    clearAuth('expired');
    return response;
  }
  // The first answer is dropped for the retry: read it to its end, or Chromium keeps a no-store answer open.
  await response.text().catch(() => '');
  const retried = await send(path, options, accept);
  if (retried.status === 401) clearAuth('expired');
  return retried;
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const { method = 'GET', body, signal, authenticated = true, idempotencyKey } = options;
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (authenticated) {
    const token = getToken();
    if (token) headers['Authorization'] = `Bearer ${token}`;
  }

  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiClientError(0, NETWORK_MESSAGE);
  }
}

export const api = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T = void>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

/** A 409 that is not a clash: someone else changed the record since it was read. */
export function isStaleVersion(error: unknown): boolean {
  return isApiClientError(error) && error.status === 409 && error.conflict === null;
}
