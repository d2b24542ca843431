import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Anchoring the audit chain with a key the database does not hold. The chain itself stays the database's (a
 * trigger hashes each entry with the one before, unkeyed, so any writer can extend it); the API, which alone holds
 * AUDIT_KEY, signs checkpoints over it: (chain_seq, hash of that entry) with HMAC-SHA256. An entry's hash covers
 * every entry before it, so a checkpoint vouches for the whole prefix: re-hashing the chain from any entry at or
 * before a checkpoint breaks that checkpoint, and a checkpoint cannot be forged without the key.
 */
export function checkpointMac(key: string, chainSeq: number | string, headHash: string): string {
  return createHmac('sha256', key)
    .update(`ccc-audit-checkpoint:v1:${String(chainSeq)}:${headHash}`)
    .digest('hex');
}

export function checkpointMacMatches(key: string, chainSeq: number | string, headHash: string, mac: string): boolean {
  const expected = Buffer.from(checkpointMac(key, chainSeq, headHash), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A stable stand-in for a value that must not be written in clear (the e-mail of a failed sign-in): keyed, so that
 * it cannot be reversed by hashing a list of likely addresses without the key.
 */
export function pseudonym(key: string, kind: string, value: string): string {
  return createHmac('sha256', key).update(`ccc-audit-pseudonym:${kind}:${value}`).digest('hex').slice(0, 32);
}

/**
 * At most `limit` events per key in each window; the rest are counted, so that one summary entry can say how many
 * were left out. Kept in memory per API instance (a flood at N instances writes at most N × limit a window).
 */
export class EventLimiter {
  private readonly windows = new Map<string, { start: number; written: number; suppressed: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Whether to write this event now; and, when a key's earlier window has ended with events left out, how many
   * (to be written as a summary). `now` is a timestamp in milliseconds.
   */
  take(key: string, now: number): { write: boolean; closed: { key: string; suppressed: number }[] } {
    const closed = this.expire(now);
    let window = this.windows.get(key);
    if (!window) {
      window = { start: now, written: 0, suppressed: 0 };
      this.windows.set(key, window);
    }
    if (window.written < this.limit) {
      window.written++;
      return { write: true, closed };
    }
    window.suppressed++;
    return { write: false, closed };
  }

  /** Whether some window has left events out (its summary is still to be written). */
  hasSuppressed(): boolean {
    return [...this.windows.values()].some((window) => window.suppressed > 0);
  }

  /** Ends every window older than `windowMs` (all of them with `force`), giving those that left events out. */
  expire(now: number, force = false): { key: string; suppressed: number }[] {
    const closed: { key: string; suppressed: number }[] = [];
    for (const [key, window] of this.windows) {
      if (!force && now - window.start < this.windowMs) continue;
      this.windows.delete(key);
      if (window.suppressed > 0) closed.push({ key, suppressed: window.suppressed });
    }
    return closed;
  }
}
