import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { isApiClientError } from './api-client';
import { clearAuth, setAuth } from './auth-store';
import { answer, contract, publicContract } from './contract-client';

interface Call {
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch that answers from a script, in order, and remembers what it was asked. */
function scriptedFetch(answers: { status: number; body?: unknown; type?: string }[]) {
  const calls: Call[] = [];
  globalThis.fetch = jest.fn(async (input: unknown, init?: RequestInit) => {
    calls.push({
      path: String(input),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: init?.body as string | undefined,
    });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected call to ${String(input)}`);
    return new Response(next.body === undefined ? '' : JSON.stringify(next.body), {
      status: next.status,
      headers: { 'Content-Type': next.type ?? 'application/json' },
    });
  }) as unknown as typeof fetch;
  return calls;
}

describe('the typed client', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    clearAuth();
  });

  it("fills the document's path and query, and sends the bearer token and a POST's idempotency key", async () => {
    setAuth('token-1', 900);
    const calls = scriptedFetch([
      { status: 200, body: [] },
      { status: 200, body: { id: 's1' } },
    ]);
    await expect(
      answer(contract.GET('/api/agenda', { params: { query: { from: '2026-12-07', days: 7 } } })),
    ).resolves.toEqual([]);
    await answer(
      contract.POST('/api/sessions/{id}/cancel', {
        params: { path: { id: 'a b' } },
        body: { reason: 'Ill today', version: 3 },
      }),
    );
    expect(calls.map(({ path, method }) => `${method} ${path}`)).toEqual([
      'GET /api/agenda?from=2026-12-07&days=7',
      'POST /api/sessions/a%20b/cancel',
    ]);
    expect(calls[1]?.headers['Authorization']).toBe('Bearer token-1');
    expect(calls[1]?.headers['Idempotency-Key']).toMatch(/\S/);
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({ reason: 'Ill today', version: 3 });
  });

  it('throws a problem answer as an ApiClientError with its field errors', async () => {
    setAuth('token-1', 900);
    scriptedFetch([
      {
        status: 400,
        type: 'application/problem+json',
        body: {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          detail: 'Validation failed',
          statusCode: 400,
          error: 'Bad request',
          message: 'Validation failed',
          errors: [{ field: 'reason', reason: 'reason must not be blank' }],
        },
      },
    ]);
    const error = await answer(
      contract.POST('/api/sessions/{id}/cancel', { params: { path: { id: 's1' } }, body: { reason: ' ', version: 3 } }),
    ).catch((cause: unknown) => cause);
    expect(isApiClientError(error) && error.status).toBe(400);
    // The reason in plain English for the form, the API's own words kept beside it.
    expect(isApiClientError(error) && error.fieldErrors).toEqual([
      { field: 'reason', reason: 'Reason must not be blank', rawReason: 'reason must not be blank' },
    ]);
  });

  it('sends a public call without the bearer token, and takes its 401 as the answer rather than renewing', async () => {
    setAuth('token-1', 900);
    const calls = scriptedFetch([
      { status: 200, body: [] },
      { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'The e-mail or password is wrong' } },
    ]);
    await expect(answer(publicContract.GET('/api/privacy-notices'))).resolves.toEqual([]);
    const error = await answer(
      publicContract.POST('/api/auth/login', { body: { email: 'a@example.org', password: 'wrong' } }),
    ).catch((cause: unknown) => cause);
    expect(isApiClientError(error) && error.status).toBe(401);
    expect(calls.map(({ path, method }) => `${method} ${path}`)).toEqual([
      'GET /api/privacy-notices',
      'POST /api/auth/login',
    ]);
    expect(calls.map(({ headers }) => headers['Authorization'])).toEqual([undefined, undefined]);
    // A POST made without signing in still carries its submission's key.
    expect(calls[1]?.headers['Idempotency-Key']).toMatch(/\S/);
  });
});
