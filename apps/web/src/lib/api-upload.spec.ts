import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { apiUpload, isApiClientError } from './api-client';
import { clearAuth, getSignOutReason, getToken, setAuth } from './auth-store';

type Answer = { status: number; body?: unknown; progress?: [number, number][] } | 'network-error';

/** An XMLHttpRequest that answers from a script, in order, reporting upload progress as told. */
function scriptedXhr(answers: Answer[]) {
  const sent: { method: string; url: string; headers: Record<string, string>; body: unknown }[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private request = { method: '', url: '', headers: {} as Record<string, string>, body: undefined as unknown };
    open(method: string, url: string) {
      this.request.method = method;
      this.request.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers[name] = value;
    }
    abort() {
      this.onabort?.();
    }
    send(body: unknown) {
      this.request.body = body;
      sent.push(this.request);
      const answer = answers.shift();
      queueMicrotask(() => {
        if (!answer) throw new Error('unexpected upload');
        if (answer === 'network-error') {
          this.onerror?.();
          return;
        }
        for (const [loaded, total] of answer.progress ?? []) {
          this.upload.onprogress?.({ lengthComputable: true, loaded, total });
        }
        this.status = answer.status;
        this.responseText = answer.body === undefined ? '' : JSON.stringify(answer.body);
        this.onload?.();
      });
    }
  }
  (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FakeXhr;
  return sent;
}

function scriptedFetch(answers: { status: number; body?: unknown }[]) {
  globalThis.fetch = jest.fn(async () => {
    const next = answers.shift();
    if (!next) throw new Error('unexpected fetch');
    return new Response(next.body === undefined ? '' : JSON.stringify(next.body), { status: next.status });
  }) as unknown as typeof fetch;
}

describe('apiUpload', () => {
  const realFetch = globalThis.fetch;
  const form = () => {
    const data = new FormData();
    data.append('file', new Blob(['%PDF-1.4']), 'a.pdf');
    return data;
  };
  beforeEach(() => setAuth('token-1', 900));
  afterEach(() => {
    globalThis.fetch = realFetch;
    delete (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
    clearAuth();
  });

  it('sends the form with the bearer token, reports progress, and answers the JSON', async () => {
    const sent = scriptedXhr([
      {
        status: 201,
        body: { ok: true },
        progress: [
          [50, 100],
          [100, 100],
        ],
      },
    ]);
    const progress: number[] = [];
    await expect(
      apiUpload('/things/1/file', form(), { onProgress: ({ loaded, total }) => progress.push(loaded / total) }),
    ).resolves.toEqual({ ok: true });
    expect(progress).toEqual([0.5, 1]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/things/1/file',
      headers: { Authorization: 'Bearer token-1' },
    });
    // The browser writes the multipart Content-Type with its boundary.
    expect(sent[0]?.headers['Content-Type']).toBeUndefined();
  });

  it('renews the token once after a 401 and sends again', async () => {
    const sent = scriptedXhr([
      { status: 401, body: { statusCode: 401 } },
      { status: 200, body: { ok: 2 } },
    ]);
    scriptedFetch([{ status: 200, body: { accessToken: 'token-2', expiresIn: 900 } }]);
    await expect(apiUpload('/x', form())).resolves.toEqual({ ok: 2 });
    expect(sent.map((request) => request.headers['Authorization'])).toEqual(['Bearer token-1', 'Bearer token-2']);
    // The same submission, sent again: the same Idempotency-Key.
    expect(sent[0]?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]?.headers['Idempotency-Key']).toBe(sent[0]?.headers['Idempotency-Key']);
    expect(getToken()).toBe('token-2');
  });

  it('ends the session when the renewal is refused', async () => {
    scriptedXhr([{ status: 401, body: { statusCode: 401, message: 'Unauthorized' } }]);
    scriptedFetch([{ status: 401 }]);
    const error = await apiUpload('/x', form()).catch((cause: unknown) => cause);
    expect(isApiClientError(error) && error.status).toBe(401);
    expect(getToken()).toBeNull();
    expect(getSignOutReason()).toBe('expired');
  });

  it('turns 413 and 415 into errors with their status for the caller to word', async () => {
    scriptedXhr([{ status: 413, body: { statusCode: 413, message: 'File too large' } }, { status: 415 }]);
    const tooBig = await apiUpload('/x', form()).catch((cause: unknown) => cause);
    expect(isApiClientError(tooBig) && tooBig.status).toBe(413);
    const wrongType = await apiUpload('/x', form()).catch((cause: unknown) => cause);
    expect(isApiClientError(wrongType) && wrongType.status).toBe(415);
  });

  it('says the service could not be reached on a network failure', async () => {
    scriptedXhr(['network-error']);
    const error = await apiUpload('/x', form()).catch((cause: unknown) => cause);
    expect(isApiClientError(error) && error.status).toBe(0);
  });
});
