import { checkpointMac, checkpointMacMatches, EventLimiter, pseudonym } from './audit-keys';

describe('audit checkpoints', () => {
  const key = 'k'.repeat(32);
  const hash = 'a'.repeat(64);

  it('signs a checkpoint so that only the same key, seq and hash match', () => {
    const mac = checkpointMac(key, 7, hash);
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpointMacMatches(key, '7', hash, mac)).toBe(true);
    expect(checkpointMacMatches('x'.repeat(32), 7, hash, mac)).toBe(false);
    expect(checkpointMacMatches(key, 8, hash, mac)).toBe(false);
    expect(checkpointMacMatches(key, 7, 'b'.repeat(64), mac)).toBe(false);
    expect(checkpointMacMatches(key, 7, hash, 'not hex')).toBe(false);
  });

  it('gives a keyed pseudonym that is stable and tells values apart', () => {
    expect(pseudonym(key, 'email', 'a@example.org')).toBe(pseudonym(key, 'email', 'a@example.org'));
    expect(pseudonym(key, 'email', 'a@example.org')).not.toBe(pseudonym(key, 'email', 'b@example.org'));
    expect(pseudonym(key, 'email', 'a@example.org')).not.toBe(pseudonym('y'.repeat(32), 'email', 'a@example.org'));
    expect(pseudonym(key, 'email', 'a@example.org')).not.toContain('example');
  });
});

describe('EventLimiter', () => {
  it('lets `limit` events through per key and window, and counts the rest for one summary', () => {
    const limiter = new EventLimiter(2, 60_000);
    expect([1, 2, 3, 4].map(() => limiter.take('a', 0).write)).toEqual([true, true, false, false]);
    expect(limiter.take('b', 10).write).toBe(true);
    expect(limiter.hasSuppressed()).toBe(true);
    // The next window: 'a' closes with two left out, 'b' with none.
    expect(limiter.take('a', 60_000)).toEqual({ write: true, closed: [{ key: 'a', suppressed: 2 }] });
    expect(limiter.expire(60_010)).toEqual([]);
    expect(limiter.hasSuppressed()).toBe(false);
  });

  it('closes every window when forced', () => {
    const limiter = new EventLimiter(1, 60_000);
    limiter.take('a', 0);
    limiter.take('a', 1);
    expect(limiter.expire(2)).toEqual([]);
    expect(limiter.expire(2, true)).toEqual([{ key: 'a', suppressed: 1 }]);
  });
});
