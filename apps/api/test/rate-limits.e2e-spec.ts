import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PgThrottlerStorage } from '../src/common/pg-throttler-storage';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * Rate limits are counted in PostgreSQL, so two API instances share them. The second "instance" here is a second
 * connection pool with its own storage object: everything an instance keeps is in the database.
 */
describe('rate limits shared by every API instance', () => {
  let t: TestApp;
  let world: World;
  let other: DataSource;
  let one: PgThrottlerStorage;
  let two: PgThrottlerStorage;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_FAILURES_PER_ACCOUNT: '4' });
    world = await createWorld(t);
    other = await new DataSource({ type: 'postgres', url: process.env.TEST_DATABASE_URL }).initialize();
    one = new PgThrottlerStorage(t.db);
    two = new PgThrottlerStorage(other);
  });
  afterAll(async () => {
    await other.destroy();
    await t.close();
  });

  it('adds up hits from both instances and blocks on the one that goes over', async () => {
    const key = `test:${randomUUID()}`;
    const hit = (storage: PgThrottlerStorage) => storage.increment(key, 60_000, 3, 30_000, 'login');
    expect((await hit(one)).totalHits).toBe(1);
    expect((await hit(two)).totalHits).toBe(2);
    const third = await hit(one);
    expect(third).toEqual({ totalHits: 3, timeToExpire: expect.any(Number), isBlocked: false, timeToBlockExpire: 0 });
    const fourth = await hit(two);
    expect(fourth.isBlocked).toBe(true);
    expect(fourth.timeToBlockExpire).toBeGreaterThan(25);
    expect(fourth.timeToBlockExpire).toBeLessThanOrEqual(30);
    // Still blocked from the other instance.
    expect((await hit(one)).isBlocked).toBe(true);
  });

  it('counts concurrent hits exactly', async () => {
    const key = `test:${randomUUID()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).increment(key, 60_000, 100, 60_000, 'default')),
    );
    expect(answers.map((a) => a.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('starts a new window once the window and the block are over', async () => {
    const key = `test:${randomUUID()}`;
    await one.increment(key, 60_000, 1, 60_000, 'login');
    expect((await one.increment(key, 60_000, 1, 60_000, 'login')).isBlocked).toBe(true);
    await t.db.query(
      `UPDATE rate_limit_counter SET window_ends_at = now() - interval '1 second', blocked_until = now() - interval '1 second' WHERE key = $1`,
      [key],
    );
    expect(await two.increment(key, 60_000, 1, 60_000, 'login')).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('backs off sign-in through the API with the shared counters (429 with Retry-After)', async () => {
    const email = world.people.cccA.email;
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 5; i += 1) {
      const res = await t.http().post('/api/auth/login').send({ email, password: 'wrong' });
      statuses.push(res.status);
      retryAfter ??= res.headers['retry-after'];
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Counted in the table (keys are hashed, so it holds no e-mail or address): the pair's, the address's and the
    // account's counters; the refused fifth attempt is not counted.
    const rows: { throttler: string }[] = await t.db.query(
      `SELECT throttler FROM rate_limit_counter WHERE throttler LIKE 'login-%' AND hits = 4 ORDER BY throttler`,
    );
    expect(rows.map((row) => row.throttler)).toEqual(['login-account', 'login-address', 'login-pair']);
    const keys: { key: string }[] = await t.db.query(`SELECT key FROM rate_limit_counter`);
    expect(JSON.stringify(keys)).not.toContain(email);
  });
});
