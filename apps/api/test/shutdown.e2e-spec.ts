import { Client } from 'pg';
import { hashPassword } from '../src/auth/auth.service';
import { type ApiProcess, startApiProcess } from './support/api-process';
import { withDatabase } from './support/test-app';

/**
 * SIGTERM to a real API process (run from source, as its own process, so the signal is real) while a request is in
 * flight: readiness answers 503 and new work is refused while the request finishes, then the process exits cleanly;
 * a request that never finishes does not keep the process past SHUTDOWN_TIMEOUT_MS.
 */
describe('graceful shutdown', () => {
  let databaseUrl: string;
  let api: ApiProcess;
  let base: string;
  let db: Client | undefined;
  const started: ApiProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await withDatabase('shutdown', 'create');
    api = await startApiProcess(databaseUrl, { SHUTDOWN_TIMEOUT_MS: '20000' });
    started.push(api);
    base = api.base;
  }, 60_000);

  afterAll(async () => {
    for (const each of started) each.kill();
    await db?.end().catch(() => undefined);
    await withDatabase('shutdown', 'drop');
  });

  /** A CCC signed in through the API, and a password change of theirs held at its UPDATE by a row lock. */
  async function heldPasswordChange(email: string): Promise<{ hash: string; inFlight: Promise<Response> }> {
    if (!db) {
      db = new Client({ connectionString: databaseUrl });
      // The database is dropped at the end with FORCE; a connection left open must not fail the run.
      db.on('error', () => undefined);
      await db.connect();
    }
    const hash = await hashPassword('first-password-1');
    await db.query(
      `WITH pcn AS (INSERT INTO organisation (kind, name) VALUES ('pcn', 'Shutdown PCN ' || $1) RETURNING id),
            person AS (INSERT INTO person (email, full_name, password_hash) VALUES ($1, 'Shutdown Person', $2) RETURNING id)
       INSERT INTO role_assignment (person_id, role, organisation_id) SELECT person.id, 'ccc', pcn.id FROM person, pcn`,
      [email, hash],
    );
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'first-password-1' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };

    // Hold the person's row, so that a password change stays in flight at its UPDATE until the test lets go.
    await db.query('BEGIN');
    await db.query(`SELECT id FROM person WHERE email = $1 FOR UPDATE`, [email]);
    const inFlight = fetch(`${base}/api/me/password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ currentPassword: 'first-password-1', newPassword: 'second-password-2' }),
    });
    // Wait until the request is really blocked on the row inside the API.
    for (let i = 0; ; i += 1) {
      const waiting = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
      );
      if (waiting.rows[0].n > 0) break;
      if (i > 200) throw new Error('the password change never reached the database');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { hash, inFlight };
  }

  it('while draining: not ready, new work refused with 503 and Retry-After; the request in flight finishes; exit 0', async () => {
    const email = 'shutdown.person@example.org';
    const { hash, inFlight } = await heldPasswordChange(email);

    api.process.kill('SIGTERM');
    // Readiness says 503 while the request in flight is still running, so a load balancer stops sending work.
    for (let i = 0; ; i += 1) {
      const ready = await fetch(`${base}/api/health/ready`).then((r) => r.status);
      if (ready === 503) break;
      if (i > 100) throw new Error(`readiness still answers ${ready} after SIGTERM`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const refused = await fetch(`${base}/api/me`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({
      statusCode: 503,
      error: 'Service unavailable',
      message: expect.any(String),
    });
    expect(api.process.exitCode).toBeNull();

    await db!.query('COMMIT');
    const answer = await inFlight;
    expect(answer.status).toBe(204);
    await expect(api.exited()).resolves.toBe(0);
    // The work was done, not lost: the new password is stored.
    const stored = await db!.query(`SELECT password_hash <> $2 AS changed FROM person WHERE email = $1`, [email, hash]);
    expect(stored.rows[0].changed).toBe(true);
    expect(api.output()).toContain('not ready, refusing new requests; finishing the 1 in flight');
  }, 60_000);

  it('ends within SHUTDOWN_TIMEOUT_MS even when a request is stuck', async () => {
    const timeoutMs = 3_000;
    api = await startApiProcess(databaseUrl, { SHUTDOWN_TIMEOUT_MS: String(timeoutMs) });
    started.push(api);
    base = api.base;
    const { inFlight } = await heldPasswordChange('stuck.person@example.org');
    inFlight.catch(() => undefined);

    const signalled = Date.now();
    api.process.kill('SIGTERM');
    await api.exited();
    expect(Date.now() - signalled).toBeLessThan(timeoutMs + 1_000);
    expect(api.output()).toContain('closing their connections');
    await db!.query('ROLLBACK');
  }, 60_000);
});
