/**
 * The typed client: openapi-fetch over the types generated from the API's OpenAPI document (`api-types.ts`, by
 * `npm run api:types`). Paths, parameters, bodies and answers are checked against the document at compile time,
 * so an answer needs no cast. Requests still go through `sendJson` (api-client.ts): the bearer token, the renewal
 * on a 401, the idempotency key of a POST and the `ApiClientError` of a refusal are the same for every call.
 */
import createClient from 'openapi-fetch';
import type { paths } from './api-types';
import { API_BASE, ApiClientError, sendJson, toApiClientError, type RequestOptions } from './api-client';

type Method = NonNullable<RequestOptions['method']>;
const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function isMethod(method: string): method is Method {
  return METHODS.has(method);
}

/** openapi-fetch's `fetch`: the request it built, sent the way every call of the SPA is sent. */
async function viaSendJson(request: Request, authenticated: boolean): Promise<Response> {
  const url = new URL(request.url);
  if (!isMethod(request.method)) throw new Error(`${request.method} is not a method the API takes`);
  const text = request.method === 'GET' ? '' : await request.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  return sendJson(`${url.pathname.slice(API_BASE.length)}${url.search}`, {
    method: request.method,
    body,
    signal: request.signal,
    authenticated,
  });
}

// openapi-fetch builds a Request, which wants an absolute URL (the SPA shares the API's origin).
const baseUrl = globalThis.location?.origin ?? 'http://localhost';

/** Paths are the document's, `/api/…` included. */
export const contract = createClient<paths>({ baseUrl, fetch: (request) => viaSendJson(request, true) });

/**
 * For the calls made without signing in (sign-in, an invitation or answer link, the privacy notices): no bearer
 * token is sent, and a 401 is the answer rather than the end of a session to renew.
 */
export const publicContract = createClient<paths>({ baseUrl, fetch: (request) => viaSendJson(request, false) });

interface Answered<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The answer's body, typed by the document; a refusal (or no body where one was documented) is thrown. */
export async function answer<D>(call: Promise<Answered<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiClientError(response.status, error);
  if (data === undefined) throw new ApiClientError(response.status, 'The service gave an empty answer. Try again.');
  return data;
}

/** For an operation that answers with no body (204): a refusal is thrown. */
export async function done(call: Promise<Answered<unknown>>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw toApiClientError(response.status, error);
}
