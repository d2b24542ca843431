import { randomUUID } from 'node:crypto';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { oneRow } from '../src/common/one-row';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { MIGRATIONS } from '../src/migrations';
import { startTestApp, type TestApp, withDatabase } from './support/test-app';
import { createWorld, tokenFor } from './support/world';

// Open without a bearer token: sign-in, health, and the calendar feed (its own revocable token is the credential).
const PUBLIC_ROUTES = new Set([
  'post /api/auth/login',
  // The refresh cookie is the credential; signing out without one is harmless.
  'post /api/auth/refresh',
  'post /api/auth/logout',
  'get /api/health',
  'get /api/health/ready',
  'get /api/calendar/{file}',
  // Answer links for PCN supervisors: the single-use token is the credential.
  'get /api/links/{token}',
  'post /api/links/{token}',
  // Invitations: the single-use set-password token is the credential.
  'get /api/invitations/{token}',
  'post /api/invitations/{token}/password',
  // A new e-mail address confirmed from the link sent to it: the single-use token is the credential.
  'post /api/email-confirmations/{token}',
  // The privacy notices: nothing personal, and people must be able to read them before signing in.
  'get /api/privacy-notices',
  'get /api/privacy-notices/{allianceId}',
  // Single sign-on: the sign-in page's buttons, and the redirects to and from the provider (nobody is signed in yet;
  // the flow cookie and the provider's code are the credentials).
  'get /api/auth/oidc/providers',
  'get /api/auth/oidc/{slug}/start',
  'get /api/auth/oidc/callback',
]);

describe('the platform: health, the OpenAPI document, the schema and the audit trail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health without a token', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it("answers health while every connection of the application's pool is busy", async () => {
    // Hold the whole pool (DATABASE_POOL_SIZE, 10) in slow statements, as a loaded instance does.
    const size = (t.db.driver as unknown as { master: { options: { max: number } } }).master.options.max;
    const busy = Array.from({ length: size + 2 }, () => t.db.query('SELECT pg_sleep(3)'));
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const res = await t.http().get('/api/health').expect(200);
      expect(res.body).toEqual({ status: 'ok', database: 'up' });
      // Through the pool it would have waited for a sleeping statement to end (3 s).
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await Promise.all(busy);
    }
  });

  it("gives every answer a request id: the caller's if sane, otherwise a new one", async () => {
    const given = await t.http().get('/api/health').set('X-Request-Id', 'trace-42').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-42');
    const fresh = await t.http().get('/api/health').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is ready only when every migration is applied', async () => {
    expect((await t.http().get('/api/health/ready').expect(200)).body).toEqual({
      status: 'ready',
      database: 'up',
      migrations: 'applied',
    });
    await t.db.undoLastMigration();
    try {
      const notReady = await t.http().get('/api/health/ready').expect(503);
      expect(notReady.body.message).toBe('Migrations are waiting to be applied');
    } finally {
      await t.db.runMigrations();
    }
    await t.http().get('/api/health/ready').expect(200);
  });

  it('can revert every migration and apply them again', async () => {
    const url = await withDatabase('revert', 'create');
    // A bare DataSource: a second Nest app in this process would replace the first one's passport strategy.
    const db = new DataSource(dataSourceOptions(url));
    try {
      await db.initialize();
      await db.runMigrations();
      const count = async () => (await db.query(`SELECT count(*)::int AS n FROM migrations`))[0].n as number;
      const applied = await count();
      expect(applied).toBe(MIGRATIONS.length);
      for (let i = 0; i < applied; i++) await db.undoLastMigration();
      expect(await count()).toBe(0);
      await db.runMigrations();
      expect(await count()).toBe(applied);
      expect((await db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      if (db.isInitialized) await db.destroy();
      await withDatabase('revert', 'drop');
    }
  });

  it('serves the OpenAPI document, and every route in it but sign-in and health refuses a call without a token', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method, path })),
    );
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      if (PUBLIC_ROUTES.has(key)) continue;
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      const res = await t.http()[method as 'get' | 'post' | 'delete'](url);
      expect({ route: key, status: res.status }).toEqual({ route: key, status: 401 });
    }
  });

  it('answers 404 on the calendar feed for a token that does not exist', async () => {
    await t
      .http()
      .get(`/api/calendar/${'x'.repeat(43)}.ics`)
      .expect(404);
    await t.http().get('/api/calendar/not-a-feed').expect(404);
  });

  it('has no schema drift: after the migrations, the entities need no further change', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("has each entity's CHECK constraints as the migrations made them, compared by definition, not by name", async () => {
    // TypeORM's schema builder compares checks by name only. Postgres deparses each entity's expression the way it
    // deparses the migrated constraint (added NOT VALID beside it, in a transaction that is rolled back), and the two
    // definitions are compared.
    const runner = t.db.createQueryRunner();
    const differ: { table: string; name: string; entity: string; database: string | null }[] = [];
    let compared = 0;
    try {
      await runner.startTransaction();
      for (const entity of t.db.entityMetadatas)
        for (const check of entity.checks) {
          const name = check.name;
          const [migrated] = (await runner.query(
            `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1 AND conrelid = $2::regclass`,
            [name, entity.tablePath],
          )) as { def: string }[];
          const probe = `drift_probe_${compared}`;
          await runner.query(
            `ALTER TABLE "${entity.tablePath}" ADD CONSTRAINT "${probe}" CHECK (${check.expression}) NOT VALID`,
          );
          const declared = oneRow(
            (await runner.query(
              `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1 AND conrelid = $2::regclass`,
              [probe, entity.tablePath],
            )) as { def: string }[],
          );
          const entityDefinition = declared.def.replace(/ NOT VALID$/, '');
          if (entityDefinition !== migrated?.def)
            differ.push({ table: entity.tablePath, name, entity: entityDefinition, database: migrated?.def ?? null });
          compared++;
        }
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    // The refused statements are logged as failed queries; expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    const world = await createWorld(t);
    const entry = await t.db.getRepository(AuditEntry).findOneByOrFail({ entityId: world.enrolments.A });
    await expect(
      t.db.query('UPDATE audit_entry SET action = $1 WHERE id = $2', ['rewritten', entry.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_entry WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
    expect((await t.db.getRepository(AuditEntry).findOneByOrFail({ id: entry.id })).action).toBe('enrolment.created');
    expect(quiet).toHaveBeenCalledTimes(2);
    quiet.mockRestore();
  });

  it('chains the audit trail with hashes, so that a rewrite made behind the trigger is detected', async () => {
    const world = await createWorld(t);
    const admin = await tokenFor(t, world.people.admin);
    const before = (await t.http().get('/api/audit/verify').set('Authorization', admin).expect(200)).body;
    expect(before).toMatchObject({ scope: 'alliance', valid: true, entries: expect.any(Number), firstBroken: null });
    expect(before.entries).toBeGreaterThan(3);
    await t
      .http()
      .get('/api/audit/verify')
      .set('Authorization', await tokenFor(t, world.people.supervisor1))
      .expect(403);

    // Someone with the database's keys rewrites an entry, switching the append-only trigger off to do it.
    const entry = await t.db.getRepository(AuditEntry).findOneByOrFail({ entityId: world.enrolments.B });
    const rewrite = (detail: object) =>
      t.db.transaction(async (m) => {
        await m.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
        await m.query('UPDATE audit_entry SET detail = $1 WHERE id = $2', [JSON.stringify(detail), entry.id]);
        await m.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
      });
    await rewrite({ ...entry.detail, track: 'supervision' });
    try {
      const after = (await t.http().get('/api/audit/verify').set('Authorization', admin).expect(200)).body;
      expect(after).toMatchObject({
        valid: false,
        // And the supervisor's sign-in and refused access above, both audited.
        entries: before.entries + 2,
        firstBroken: { chainSeq: Number(entry.chainSeq), id: entry.id, reason: 'its content does not match its hash' },
      });
    } finally {
      await rewrite(entry.detail);
    }
    expect((await t.http().get('/api/audit/verify').set('Authorization', admin).expect(200)).body.valid).toBe(true);
  });

  it('shows the template with the seed mismatch as warnings', async () => {
    const world = await createWorld(t);
    const token = await tokenFor(t, world.people.admin);
    const res = await t.http().get(`/api/templates/${world.template.id}`).set('Authorization', token).expect(200);
    expect(res.body.definition.durationMonths).toBe(6);
    expect(res.body.warnings).toHaveLength(2);
    expect(res.body.warnings[0]).toContain('5 group sessions but the Alliance expects 6');
    expect(res.body.warnings[1]).toContain('1 TNA but the Alliance expects 2');
  });

  it('describes a cohort with its dates and enrolment counts', async () => {
    const world = await createWorld(t);
    const token = await tokenFor(t, world.people.supervisor1);
    const res = await t.http().get(`/api/cohorts/${world.cohort.id}`).set('Authorization', token).expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        startDate: world.startDate,
        enrolments: { total: 3, supervision: 2, training: 1 },
        allianceSupervisors: [{ id: world.people.supervisor1.id, fullName: world.people.supervisor1.fullName }],
      }),
    );
  });
});
