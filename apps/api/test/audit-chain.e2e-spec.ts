import type { AuditVerification } from '@ccc/contracts';
import { AuditService } from '../src/audit/audit.service';
import { startTestApp, type TestApp, withDatabase } from './support/test-app';
import { createPerson, createWorld, PASSWORD, tokenFor, type World } from './support/world';

const OPERATOR = 'operator-token-for-the-audit-chain-test';

/**
 * The audit chain anchored with a key the database does not hold. This file rewrites and cuts the trail behind the
 * database's back, so it runs on a database of its own: no other test file's verification sees its damage.
 */
describe('the audit chain: signed checkpoints, security events, per-Alliance verification', () => {
  let t: TestApp;
  let a: World;
  let b: World;

  beforeAll(async () => {
    const url = await withDatabase('audit_chain', 'create');
    t = await startTestApp({ DATABASE_URL: url, AUDIT_EVENTS_PER_MINUTE: '5', AUDIT_OPERATOR_TOKEN: OPERATOR });
    a = await createWorld(t);
    b = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await withDatabase('audit_chain', 'drop');
  });

  const entries = (action: string, actorId?: string | null) =>
    t.db.query(
      `SELECT actor_id, entity_type, entity_id, detail FROM audit_entry
        WHERE action = $1 AND ($2::uuid IS NULL OR actor_id = $2) ORDER BY chain_seq`,
      [action, actorId ?? null],
    ) as Promise<
      { actor_id: string | null; entity_type: string; entity_id: string; detail: Record<string, unknown> }[]
    >;
  const verifyAs = async (token: string) =>
    (await t.http().get('/api/audit/verify').set('Authorization', token).expect(200)).body as AuditVerification;
  const verifyService = async () =>
    (await t.http().get('/api/audit/verify/service').set('X-Operator-Token', OPERATOR).expect(200))
      .body as AuditVerification;
  /** As someone with the database's keys (not the audit key): switches the append-only trigger off to do it. */
  const behindTheTrigger = (
    statements: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>,
  ) =>
    t.db.transaction(async (m) => {
      await m.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
      await m.query('ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_append_only');
      await statements((sql, params) => m.query(sql, params));
      await m.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
      await m.query('ALTER TABLE audit_checkpoint ENABLE TRIGGER audit_checkpoint_append_only');
    });
  /** What the database's own unkeyed function lets anyone do: hash the chain again from an entry on. */
  const rehashFrom = (query: (sql: string) => Promise<unknown>, seq: number) =>
    query(`DO $$ DECLARE r record; previous text; BEGIN
             SELECT hash INTO previous FROM audit_entry WHERE chain_seq = ${seq} - 1;
             previous := coalesce(previous, repeat('0', 64));
             FOR r IN SELECT * FROM audit_entry WHERE chain_seq >= ${seq} ORDER BY chain_seq LOOP
               UPDATE audit_entry SET prev_hash = previous,
                      hash = audit_entry_hash(previous, r.chain_seq, r.at, r.actor_id, r.action, r.entity_type, r.entity_id, r.detail)
                WHERE id = r.id RETURNING hash INTO previous;
             END LOOP;
           END $$`);

  it('audits sign-in (success and failure, without the e-mail in clear), sign-out and a password change', async () => {
    const person = await createPerson(t.db, 'Audited Person', 'ccc', a.pcn1.id);
    const login = await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(200);
    expect(await entries('auth.signed_in', person.id)).toEqual([
      expect.objectContaining({ entity_type: 'auth_session' }),
    ]);

    await t.http().post('/api/auth/login').send({ email: person.email, password: 'wrong-password' }).expect(401);
    expect(await entries('auth.sign_in_failed', person.id)).toEqual([
      expect.objectContaining({ entity_type: 'person', entity_id: person.id }),
    ]);
    const stranger = `nobody.${person.id.slice(0, 8)}@example.org`;
    await t.http().post('/api/auth/login').send({ email: stranger, password: 'wrong-password' }).expect(401);
    const unknown = (await entries('auth.sign_in_failed')).filter((e) => e.actor_id === null);
    expect(unknown.length).toBeGreaterThanOrEqual(1);
    const last = unknown.at(-1)!;
    expect(last.entity_type).toBe('email');
    expect(JSON.stringify(last)).not.toContain(stranger);
    expect(JSON.stringify(last)).not.toContain('wrong-password');

    const cookie = login.headers['set-cookie'] as unknown as string[];
    await t.http().post('/api/auth/logout').set('Cookie', cookie).expect(204);
    expect(await entries('auth.signed_out', person.id)).toHaveLength(1);

    const token = await tokenFor(t, person);
    await t
      .http()
      .post('/api/me/password')
      .set('Authorization', token)
      .send({ currentPassword: PASSWORD, newPassword: 'a-new-password-for-the-test' })
      .expect(204);
    expect(await entries('person.password_changed', person.id)).toHaveLength(1);
  });

  it('audits a refused access (403) with the route and the record it named, never the path', async () => {
    const cccB = await tokenFor(t, b.people.cccB);
    await t.http().get(`/api/cohorts/${b.cohort.id}`).set('Authorization', cccB).expect(403);
    const supervisor = await tokenFor(t, a.people.supervisor1);
    await t.http().get('/api/audit/verify').set('Authorization', supervisor).expect(403);
    expect(await entries('access.refused', b.people.cccB.id)).toEqual([
      {
        actor_id: b.people.cccB.id,
        entity_type: 'route',
        entity_id: 'GET /api/cohorts/:id',
        detail: { ids: { id: b.cohort.id }, allianceId: b.alliance.id },
      },
    ]);
    expect(await entries('access.refused', a.people.supervisor1.id)).toEqual([
      expect.objectContaining({ entity_id: 'GET /api/audit/verify' }),
    ]);
  });

  it('writes at most the limit of refusals per caller a minute, and one entry counting the rest', async () => {
    const flooder = await createPerson(t.db, 'Flooder', 'ccc', a.pcn2.id);
    const token = await tokenFor(t, flooder);
    for (let i = 0; i < 12; i++) await t.http().get('/api/audit/verify').set('Authorization', token).expect(403);
    expect(await entries('access.refused', flooder.id)).toHaveLength(5);
    // The summary is written when the caller's minute ends; here, at once.
    await t.app.get(AuditService).flush(true);
    expect(await entries('audit.events_suppressed', flooder.id)).toEqual([
      expect.objectContaining({ entity_id: flooder.id, detail: { suppressed: 7, windowSeconds: 60 } }),
    ]);
  });

  it("reports the caller's Alliance only; the whole trail only to the operator", async () => {
    const adminA = await tokenFor(t, a.people.admin);
    const adminB = await tokenFor(t, b.people.admin);
    // An Alliance's entries are those made by the people who hold a role in it.
    const peopleOf = async (w: World) =>
      (
        (await t.db.query(
          `SELECT DISTINCT ra.person_id FROM role_assignment ra JOIN organisation o ON o.id = ra.organisation_id
            WHERE o.alliance_id = $1`,
          [w.alliance.id],
        )) as { person_id: string }[]
      ).map((r) => r.person_id);
    const figures = async (ids: string[] | null) => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n, max(chain_seq)::int AS seq FROM audit_entry WHERE $1::uuid[] IS NULL OR actor_id = ANY($1)`,
        [ids],
      );
      const [head] = await t.db.query('SELECT hash FROM audit_entry WHERE chain_seq = $1', [row.seq]);
      return { entries: row.n as number, head: { chainSeq: row.seq as number, hash: head.hash as string } };
    };
    const forB = await verifyAs(adminB);
    expect(forB).toMatchObject({
      scope: 'alliance',
      valid: true,
      firstBroken: null,
      ...(await figures(await peopleOf(b))),
    });
    expect(forB.lastCheckpoint!.chainSeq).toBeGreaterThanOrEqual(forB.head!.chainSeq);
    const forA = await verifyAs(adminA);
    expect(forA).toMatchObject({ scope: 'alliance', valid: true, ...(await figures(await peopleOf(a))) });
    expect(forA.entries).not.toBe(forB.entries);

    await t.http().get('/api/audit/verify/service').expect(401);
    await t.http().get('/api/audit/verify/service').set('X-Operator-Token', 'guess').expect(401);
    await t.http().get('/api/audit/verify/service').set('Authorization', adminA).expect(401);
    const all = await verifyService();
    expect(all).toMatchObject({ scope: 'service', valid: true, firstBroken: null, ...(await figures(null)) });
    expect(all.entries).toBeGreaterThan(forA.entries + forB.entries);
    expect(all.lastCheckpoint).toMatchObject({ chainSeq: all.head!.chainSeq, hash: all.head!.hash });
  });

  it('detects an entry rewritten and the chain re-hashed with the database’s own function', async () => {
    expect((await verifyService()).valid).toBe(true);
    // Signed in before the rewrite: a sign-in during it would sign a checkpoint over the rewritten chain.
    const adminB = await tokenFor(t, b.people.admin);
    const [entry] = await t.db.query(
      `SELECT id::text, chain_seq::int AS seq, detail FROM audit_entry WHERE entity_id = $1 ORDER BY chain_seq LIMIT 1`,
      [a.enrolments.B],
    );
    const rewrite = (detail: object) =>
      behindTheTrigger(async (query) => {
        await query('UPDATE audit_entry SET detail = $1 WHERE id = $2', [JSON.stringify(detail), entry.id]);
        await rehashFrom(query, entry.seq);
      });
    await rewrite({ ...entry.detail, track: 'supervision' });
    // The chain holds on its own (the unkeyed hash let the rewrite through); the signed checkpoints do not.
    const [chainIntact] = await t.db.query(`SELECT bool_and(hash = audit_entry_hash(prev_hash, chain_seq, at, actor_id,
        action, entity_type, entity_id, detail)) AS ok FROM audit_entry`);
    expect(chainIntact.ok).toBe(true);
    const after = await verifyService();
    expect(after.valid).toBe(false);
    expect(after.firstBroken!.reason).toMatch(/rewritten/);
    expect(after.firstBroken!.chainSeq).toBeGreaterThanOrEqual(entry.seq);
    // Alliance B learns that the trail is broken, not which of A's entries.
    const forB = await verifyAs(adminB);
    expect(forB.valid).toBe(false);
    expect(forB.firstBroken).toMatchObject({ chainSeq: null, id: null });

    // Without the key, a checkpoint over the rewritten head cannot be made.
    await t.db.query(`INSERT INTO audit_checkpoint (chain_seq, head_hash, mac)
                      SELECT chain_seq, hash, repeat('0', 64) FROM audit_entry ORDER BY chain_seq DESC LIMIT 1`);
    expect((await verifyService()).valid).toBe(false);
    await behindTheTrigger(async (query) => {
      await query(`DELETE FROM audit_checkpoint WHERE mac = repeat('0', 64)`);
    });
    await rewrite(entry.detail);
    expect(await verifyService()).toMatchObject({ valid: true, firstBroken: null });
  });

  it('detects the newest entries cut off, against the last checkpoint and against figures kept outside', async () => {
    const person = await createPerson(t.db, 'Signs In', 'ccc', a.pcn1.id);
    for (let i = 0; i < 3; i++) await tokenFor(t, person);
    const kept = await verifyService();
    expect(kept.valid).toBe(true);

    await behindTheTrigger(async (query) => {
      await query('DELETE FROM audit_entry WHERE chain_seq > $1', [kept.head!.chainSeq - 2]);
    });
    const cut = await verifyService();
    expect(cut.valid).toBe(false);
    expect(cut.firstBroken).toMatchObject({ chainSeq: kept.head!.chainSeq - 1, id: null });
    expect(cut.firstBroken!.reason).toMatch(/cut short/);

    // The checkpoints cut too: the database alone cannot tell, the figures the operator kept can.
    await behindTheTrigger(async (query) => {
      await query('DELETE FROM audit_checkpoint WHERE chain_seq > $1', [kept.head!.chainSeq - 2]);
    });
    const both = await verifyService();
    expect(both.valid).toBe(true);
    expect(both.entries).toBe(kept.entries - 2);
    expect(both.head!.hash).not.toBe(kept.head!.hash);
  });
});
