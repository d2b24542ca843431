import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { api, isApiClientError } from './api-client';
import { clearAuth, getSignOutReason, getToken, refreshSession, setAuth } from './auth-store';

type Answer = { status: number; body?: unknown };

/** A fetch that answers from a script, in order, and remembers what it was asked. */
function scriptedFetch(answers: Answer[]) {
  const calls: { path: string; authorization?: string }[] = [];
  const fn = jest.fn(async (input: unknown, init?: RequestInit) => {
    calls.push({ path: String(input), authorization: (init?.headers as Record<string, string>)?.['Authorization'] });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected call to ${String(input)}`);
    return new Response(next.body === undefined ? '' : JSON.stringify(next.body), { status: next.status });
  });
  globalThis.fetch = fn as unknown as typeof fetch;
  return calls;
}

describe('renewing the access token with the refresh cookie', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    clearAuth();
  });

  it('renews after a 401 and makes the call once more with the new token', async () => {
    setAuth('old-token', 900);
    const calls = scriptedFetch([
      { status: 401, body: { statusCode: 401 } },
      { status: 200, body: { accessToken: 'new-token', expiresIn: 900 } },
      { status: 200, body: { ok: true } },
    ]);
    await expect(api.get('/me')).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      { path: '/api/me', authorization: 'Bearer old-token' },
      { path: '/api/auth/refresh', authorization: undefined },
      { path: '/api/me', authorization: 'Bearer new-token' },
    ]);
    expect(getToken()).toBe('new-token');
  });

  it('ends the session, saying it expired, when the refresh is refused', async () => {
    setAuth('old-token', 900);
    scriptedFetch([
      { status: 401, body: { statusCode: 401 } },
      { status: 401, body: { statusCode: 401 } },
    ]);
    const error = await api.get('/me').catch((cause: unknown) => cause);
    expect(isApiClientError(error) && error.status).toBe(401);
    expect(getToken()).toBeNull();
    expect(getSignOutReason()).toBe('expired');
  });

  it('asks once when several calls need a new token at the same time', async () => {
    const calls = scriptedFetch([{ status: 200, body: { accessToken: 'shared', expiresIn: 900 } }]);
    const results = await Promise.all([refreshSession(), refreshSession(), refreshSession()]);
    expect(results).toEqual([true, true, true]);
    expect(calls).toHaveLength(1);
  });

  it('does not renew for calls made without the session (sign-in, answer links)', async () => {
    setAuth('kept', 900);
    const calls = scriptedFetch([
      { status: 401, body: { statusCode: 401, message: 'Email or password is incorrect' } },
    ]);
    await expect(api.post('/auth/login', {}, { authenticated: false })).rejects.toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(getToken()).toBe('kept');
  });
});
