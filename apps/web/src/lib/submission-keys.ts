/**
 * `Idempotency-Key`s for the SPA's writes (issue #18): one key per submission, so that the API creates one record
 * however often the same submission reaches it. A submission is told apart by what it sends (method, path and
 * body): a double click, or pressing the button again after a network drop or a server error, sends the same request
 * and so the same key, and the API replays its first answer; a changed form, or the same one filled in again once the
 * first was saved, is a new submission with a new key. Only a hash of the request is held, never its content.
 */

/** After a success the key is kept this long, so that a second click of the same button replays rather than repeats. */
export const SETTLED_GRACE_MS = 5_000;
/** A key kept for a retry that never came is forgotten after this (the API keeps keys 24 hours). */
export const HELD_FOR_MS = 60 * 60 * 1000;

interface Held {
  key: string;
  since: number;
  /** When a success answered it; null while its outcome is unknown or worth retrying. */
  settledAt: number | null;
}

export class SubmissionKeys {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly newKey: () => string = () => crypto.randomUUID(),
  ) {}

  /** The key for this submission: the one still held for the same request, else a new one. */
  keyFor(identity: string): string {
    this.forgetOld();
    const held = this.held.get(identity);
    if (held) return held.key;
    const key = this.newKey();
    this.held.set(identity, { key, since: this.now(), settledAt: null });
    return key;
  }

  /**
   * Told how the request ended (0: no answer). Unknown or retryable (no answer, 5xx, 409 while the first is still
   * running): the key stays for the retry. Success: it stays a few seconds for a double click, then goes. Any other
   * refusal: the API kept nothing, so the corrected form is a new request with a new key.
   */
  settle(identity: string, status: number): void {
    const held = this.held.get(identity);
    if (!held) return;
    if (status === 0 || status === 409 || status >= 500) return;
    if (status >= 200 && status < 300) held.settledAt = this.now();
    else this.held.delete(identity);
  }

  private forgetOld(): void {
    const now = this.now();
    for (const [identity, held] of this.held)
      if ((held.settledAt !== null && now - held.settledAt >= SETTLED_GRACE_MS) || now - held.since >= HELD_FOR_MS)
        this.held.delete(identity);
  }
}

/** cyrb53: a fast 53-bit string hash; two seeds give 106 bits, ample to tell a handful of submissions apart. */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What identifies a submission: its method, path and body (a form's text fields and each file's name, size, date). */
export function submissionIdentity(method: string, path: string, body: unknown): string {
  let content: string;
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const parts: string[] = [];
    body.forEach((value, name) => {
      parts.push(
        typeof value === 'string'
          ? `${name}=${value}`
          : `${name}@${value.name}:${value.size}:${value.type}:${(value as File).lastModified ?? ''}`,
      );
    });
    content = JSON.stringify(parts);
  } else content = JSON.stringify(body ?? null);
  const text = `${method} ${path} ${content}`;
  return `${cyrb53(text, 1)}.${cyrb53(text, 2)}`;
}

/** The SPA's one set of keys (api-client.ts sends one with every POST). */
export const submissionKeys = new SubmissionKeys();
