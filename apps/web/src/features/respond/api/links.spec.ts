import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { isApiClientError } from '../../../lib/api-client';
import { clearAuth, getToken, setAuth } from '../../../lib/auth-store';
import { answerLink } from './answer-link';
import { getLink } from './get-link';

function answer(status: number, body: unknown) {
  return jest.fn(async (_input: unknown, _init?: RequestInit) => new Response(JSON.stringify(body), { status }));
}

describe('the link page’s calls', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    clearAuth();
  });

  it('send no bearer token, and a 401 or 410 does not end a session signed in on the same browser', async () => {
    setAuth('signed-in-token', 3600);
    const fetchMock = answer(410, { statusCode: 410, message: 'This link has already been used' });
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const error = await getLink('abc').catch((cause: unknown) => cause);
    expect(isApiClientError(error) && error.status).toBe(410);
    expect(isApiClientError(error) && error.message).toBe('This link has already been used');
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/links/abc');
    expect((init?.headers as Record<string, string>)['Authorization']).toBeUndefined();

    globalThis.fetch = answer(401, { statusCode: 401 }) as unknown as typeof fetch;
    await expect(answerLink('abc', { decision: 'confirm' })).rejects.toBeTruthy();
    expect(getToken()).toBe('signed-in-token');
  });
});
