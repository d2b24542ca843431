import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { api, isApiClientError } from './api-client';
import { clearAuth, setAuth } from './auth-store';
import { HELD_FOR_MS, SETTLED_GRACE_MS, submissionIdentity, SubmissionKeys } from './submission-keys';

describe('SubmissionKeys', () => {
  let clock = 0;
  let made = 0;
  const keys = () => {
    clock = 1_000;
    made = 0;
    return new SubmissionKeys(
      () => clock,
      () => `key-${++made}`,
    );
  };
  const form = submissionIdentity('POST', '/enrolments/e1/release-requests', { minutes: 60, description: 'Read' });

  it('gives a double click (the first still running) and a retry after a network drop or a 5xx the same key', () => {
    const k = keys();
    expect(k.keyFor(form)).toBe('key-1');
    expect(k.keyFor(form)).toBe('key-1');
    k.settle(form, 0);
    expect(k.keyFor(form)).toBe('key-1');
    k.settle(form, 503);
    k.settle(form, 409);
    expect(k.keyFor(form)).toBe('key-1');
    clock += HELD_FOR_MS - 1;
    expect(k.keyFor(form)).toBe('key-1');
  });

  it('keeps the key a few seconds after a success (a late second click replays), then makes a new one', () => {
    const k = keys();
    k.keyFor(form);
    k.settle(form, 201);
    clock += SETTLED_GRACE_MS - 1;
    expect(k.keyFor(form)).toBe('key-1');
    clock += 1;
    expect(k.keyFor(form)).toBe('key-2');
  });

  it('makes a new key for a changed form, and after a refusal (the API kept nothing)', () => {
    const k = keys();
    k.keyFor(form);
    const changed = submissionIdentity('POST', '/enrolments/e1/release-requests', { minutes: 90, description: 'Read' });
    expect(k.keyFor(changed)).toBe('key-2');
    k.settle(form, 400);
    expect(k.keyFor(form)).toBe('key-3');
  });

  it('forgets a key held for a retry that never came', () => {
    const k = keys();
    k.keyFor(form);
    clock += HELD_FOR_MS;
    expect(k.keyFor(form)).toBe('key-2');
  });

  it('tells submissions apart by method, path, body, and for a form by its fields and files', () => {
    const a = submissionIdentity('POST', '/x', { a: 1 });
    expect(submissionIdentity('POST', '/x', { a: 1 })).toBe(a);
    expect(submissionIdentity('POST', '/y', { a: 1 })).not.toBe(a);
    expect(submissionIdentity('PUT', '/x', { a: 1 })).not.toBe(a);
    expect(submissionIdentity('POST', '/x', { a: 2 })).not.toBe(a);
    const upload = (text: string, bytes: string) => {
      const data = new FormData();
      data.append('text', text);
      data.append('file', new File([bytes], 'a.pdf', { lastModified: 5 }));
      return submissionIdentity('POST', '/x', data);
    };
    expect(upload('note', '%PDF-1')).toBe(upload('note', '%PDF-1'));
    expect(upload('note', '%PDF-1')).not.toBe(upload('other', '%PDF-1'));
    expect(upload('note', '%PDF-1')).not.toBe(upload('note', '%PDF-12'));
  });
});

describe('api.post and Idempotency-Key', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    clearAuth();
  });

  /** Answers from a script (`'drop'`: the network fails), keeping each request's Idempotency-Key. */
  function scripted(answers: (number | 'drop')[]) {
    const sent: (string | undefined)[] = [];
    globalThis.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      sent.push((init?.headers as Record<string, string>)['Idempotency-Key']);
      const next = answers.shift();
      if (next === undefined) throw new Error('unexpected fetch');
      if (next === 'drop') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ statusCode: next }), { status: next });
    }) as unknown as typeof fetch;
    return sent;
  }

  it('sends the same key again when the person retries after a network drop, and a new one for the next form', async () => {
    setAuth('token-1', 900);
    const sent = scripted(['drop', 201, 201]);
    const body = { path: `/things-${Date.now()}`, value: { description: 'Same form' } };
    const error = await api.post(body.path, body.value).catch((cause: unknown) => cause);
    expect(isApiClientError(error) && error.status).toBe(0);
    await api.post(body.path, body.value);
    await api.post(body.path, { description: 'Next form' });
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).not.toBe(sent[0]);
  });

  it('sends no key with a read', async () => {
    setAuth('token-1', 900);
    const sent = scripted([200]);
    await api.get('/things');
    expect(sent).toEqual([undefined]);
  });
});
