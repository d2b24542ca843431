import { randomUUID } from 'node:crypto';
import { INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, ModulesContainer } from '@nestjs/core';
import type { Request } from 'express';
import { addCalendarDays } from '@ccc/programme';
import { EvidenceFile } from '../src/competencies/evidence-file.entity';
import { IdempotencyInterceptor, requestFingerprint } from '../src/idempotency/idempotency.interceptor';
import { IdempotencyService, purgeExpiredIdempotencyKeys } from '../src/idempotency/idempotency.service';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { AUDITED_CHANGES_SQL } from './support/audit';
import { PDF_BYTES, PNG_BYTES } from './support/competencies';
import { startTestApp, type TestApp } from './support/test-app';
import { worldWithTokens } from './support/world';

describe('Idempotency-Key on create routes (#18 item 1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const setUp = () => worldWithTokens(t);
  const postKeyed = (token: string, path: string, key: string, body: object) =>
    t.http().post(path).set('Authorization', token).set('Idempotency-Key', key).send(body);
  const releasePath = (enrolmentId: string) => `/api/enrolments/${enrolmentId}/release-requests`;
  const study = (startDate: string, description = 'Read the NICE guideline') => ({
    kind: 'study',
    date: addCalendarDays(startDate, 1),
    minutes: 60,
    description,
  });
  const requestsOf = (enrolmentId: string) => t.db.getRepository(ReleaseRequest).countBy({ enrolmentId });
  const auditOf = async (action: string, entityId: string) =>
    Number(
      (
        (await t.db.query(`SELECT count(*) FROM audit_entry WHERE action = $1 AND entity_id = $2`, [
          action,
          entityId,
        ])) as { count: string }[]
      )[0]!.count,
    );
  const keyRows = async (key: string) =>
    (await t.db.query(`SELECT * FROM idempotency_key WHERE key = $1`, [key])) as {
      scope: string;
      response_status: number | null;
      effect_committed: boolean;
    }[];

  it('replays the first answer to a release request sent again with its key: one row, one audit entry', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const key = randomUUID();
    const first = await postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate)).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same body with its keys in another order is the same request.
    const { description, ...rest } = study(world.startDate);
    const again = await postKeyed(tokens.cccA, releasePath(A), key, { description, ...rest }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toEqual(first.body);
    expect(await requestsOf(A)).toBe(1);
    expect(await auditOf('release.logged', first.body.id)).toBe(1);
    expect(await keyRows(key)).toEqual([
      // Marked in the create's own transaction: the request's writes committed.
      expect.objectContaining({ scope: world.people.cccA.id, response_status: 201, effect_committed: true }),
    ]);

    // The same key with another body: 422 in the shared shape, nothing written.
    const other = await postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate, 'Another activity')).expect(
      422,
    );
    expect(other.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable entity',
      message: expect.stringContaining('Idempotency-Key'),
      errors: [{ field: 'Idempotency-Key', reason: 'the key was used with a different request body' }],
    });
    expect(await requestsOf(A)).toBe(1);

    // Without a key, a request runs as before: a second row.
    await t.http().post(releasePath(A)).set('Authorization', tokens.cccA).send(study(world.startDate)).expect(201);
    expect(await requestsOf(A)).toBe(2);
  });

  it('refuses a malformed key with 400 naming the header, writing nothing', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    for (const key of ['', 'x'.repeat(256), 'has space', 'tab\there', 'caf\u00e9']) {
      const res = await t
        .http()
        .post(releasePath(A))
        .set('Authorization', tokens.cccA)
        .set('Idempotency-Key', key)
        .send(study(world.startDate));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        errors: [{ field: 'Idempotency-Key', reason: expect.stringContaining('1 to 255 visible ASCII characters') }],
      });
    }
    expect(await requestsOf(A)).toBe(0);
    await postKeyed(tokens.cccA, releasePath(A), 'x'.repeat(255), study(world.startDate)).expect(201);
  });

  it('keeps no refusal: a 400 frees the key, so the corrected request with it goes through once', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const key = randomUUID();
    await postKeyed(tokens.cccA, releasePath(A), key, { ...study(world.startDate), minutes: 'sixty' }).expect(400);
    expect(await keyRows(key)).toEqual([]);
    const ok = await postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate)).expect(201);
    const again = await postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate)).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(ok.body.id);
    expect(await requestsOf(A)).toBe(1);
  });

  it('replays an evidence file upload (multipart: fields and file bytes); another file with the key is a 422', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const path = `/api/enrolments/${A}/competencies/SCR-01/evidence/file`;
    const key = randomUUID();
    const files = () => t.db.getRepository(EvidenceFile).countBy({ enrolmentId: A });
    const upload = (bytes: Buffer, text = 'Uptake by practice') =>
      t
        .http()
        .post(path)
        .set('Authorization', tokens.cccA)
        .set('Idempotency-Key', key)
        .field('text', text)
        .attach('file', bytes, { filename: 'uptake.pdf', contentType: 'application/pdf' });
    const audited = async () => Number(((await t.db.query(AUDITED_CHANGES_SQL)) as { count: string }[])[0]!.count);
    const first = await upload(PDF_BYTES).expect(201);
    const auditedAfterFirst = await audited();
    const again = await upload(PDF_BYTES).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await files()).toBe(1);
    expect(await audited()).toBe(auditedAfterFirst);
    // Other bytes under the same name, or another text field: not the same request.
    const otherFile = await upload(PNG_BYTES).expect(422);
    expect(otherFile.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    await upload(PDF_BYTES, 'Another note').expect(422);
    expect(await files()).toBe(1);
  });

  it('lets exactly one of 20 concurrent requests with one key create the row; the others wait (409) or replay', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate))),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = answers.filter((a) => a.status === 201);
    expect(created.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const busy of answers.filter((a) => a.status === 409)) {
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    }
    expect(await requestsOf(A)).toBe(1);
    // Once the first has answered, a retry replays it.
    const retry = await postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate)).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await auditOf('release.logged', retry.body.id)).toBe(1);
  });

  it("does not mix two callers' keys", async () => {
    const { world, tokens } = await setUp();
    const key = randomUUID();
    const a = await postKeyed(tokens.cccA, releasePath(world.enrolments.A), key, study(world.startDate)).expect(201);
    const c = await postKeyed(tokens.cccC, releasePath(world.enrolments.C), key, study(world.startDate)).expect(201);
    expect(c.headers['idempotent-replayed']).toBeUndefined();
    expect(c.body.id).not.toBe(a.body.id);
    expect(await requestsOf(world.enrolments.A)).toBe(1);
    expect(await requestsOf(world.enrolments.C)).toBe(1);
    expect((await keyRows(key)).map((r) => r.scope).sort()).toEqual(
      [world.people.cccA.id, world.people.cccC.id].sort(),
    );
  });

  it('forgets a key after 24 hours (a new request then), and the retention purge removes it', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const key = randomUUID();
    const first = await postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate)).expect(201);
    await t.db.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const later = await postKeyed(tokens.cccA, releasePath(A), key, study(world.startDate)).expect(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.body.id).not.toBe(first.body.id);
    expect(await requestsOf(A)).toBe(2);

    const old = randomUUID();
    await postKeyed(tokens.cccA, releasePath(A), old, study(world.startDate, 'Old')).expect(201);
    await t.db.query(`UPDATE idempotency_key SET created_at = now() - interval '24 hours 1 minute' WHERE key = $1`, [
      old,
    ]);
    expect(await purgeExpiredIdempotencyKeys(t.db)).toBeGreaterThanOrEqual(1);
    expect(await keyRows(old)).toEqual([]);
    expect(await keyRows(key)).toHaveLength(1);
  });

  it('after a crash: retries an abandoned claim whose writes did not commit, never one whose writes did', async () => {
    const { world, tokens } = await setUp();
    const A = world.enrolments.A;
    const path = releasePath(A);
    const body = study(world.startDate);
    const fingerprint = requestFingerprint({ query: {}, body } as unknown as Request);
    const abandon = (key: string, lease: string, committed: boolean) =>
      t.db.query(
        `INSERT INTO idempotency_key (scope, method, path, key, fingerprint, owner, locked_until, effect_committed)
         VALUES ($1, 'POST', $2, $3, $4, gen_random_uuid(), now() + $5::interval, $6)`,
        [world.people.cccA.id, path, key, fingerprint, lease, committed],
      );

    // Still within its lease: another instance may be working on it.
    const running = randomUUID();
    await abandon(running, '1 minute', false);
    const busy = await postKeyed(tokens.cccA, path, running, body).expect(409);
    expect(busy.headers['retry-after']).toBe('1');

    // Lease over, nothing committed: the retry carries it out, once.
    const died = randomUUID();
    await abandon(died, '-1 second', false);
    const redone = await postKeyed(tokens.cccA, path, died, body).expect(201);
    expect(redone.headers['idempotent-replayed']).toBeUndefined();
    expect(await requestsOf(A)).toBe(1);
    await postKeyed(tokens.cccA, path, died, body).expect(201);
    expect(await requestsOf(A)).toBe(1);

    // Lease over but its writes committed (the answer was lost with the instance): never carried out twice.
    const committed = randomUUID();
    await abandon(committed, '-1 second', true);
    const lost = await postKeyed(tokens.cccA, path, committed, body).expect(409);
    expect(lost.body.message).toContain('answer was lost');
    expect(await requestsOf(A)).toBe(1);
  });

  it('makes a first holder whose claim a retry took over commit nothing (its transaction fails)', async () => {
    const service = t.app.get(IdempotencyService);
    const key = randomUUID();
    const outcome = await service.claim('test-scope', 'POST', '/api/x', key, 'fingerprint');
    if (outcome.kind !== 'claimed') throw new Error(`not claimed: ${outcome.kind}`);
    // What the handler writes, in a transaction of its own: here a row of another key, to see whether it stays.
    const write = (marker: string) =>
      service.run(outcome.claim, () =>
        t.db.transaction((manager) =>
          manager.query(
            `INSERT INTO idempotency_key (scope, method, path, key, fingerprint, owner, locked_until)
             VALUES ('test-scope', 'POST', '/api/y', $1, 'f', gen_random_uuid(), now())`,
            [marker],
          ),
        ),
      );
    // A retry on another instance took the claim over (its lease had run out while this one was still working).
    await t.db.query(`UPDATE idempotency_key SET owner = gen_random_uuid() WHERE key = $1`, [key]);
    const late = randomUUID();
    await expect(write(late)).rejects.toThrow(/took over/);
    expect(await keyRows(late)).toEqual([]);
    expect((await keyRows(key))[0]).toMatchObject({ effect_committed: false });
  });

  it('names the header on every create operation of the OpenAPI document, and on no other', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: object }>>;
    };
    const keyed = (op?: { parameters?: { name: string; in: string }[] }) =>
      (op?.parameters ?? []).some((p) => p.name === 'Idempotency-Key' && p.in === 'header');
    let creates = 0;
    for (const [route, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) {
        const isCreate = method === 'post' && '201' in op.responses;
        if (isCreate) creates += 1;
        expect([route, method, keyed(op)]).toEqual([route, method, isCreate]);
      }
    expect(creates).toBeGreaterThan(10);
    expect(keyed(doc.paths['/api/enrolments/{id}/release-requests']?.['post'])).toBe(true);
    expect(keyed(doc.paths['/api/enrolments/{id}/competencies/{code}/evidence/file']?.['post'])).toBe(true);
    expect(keyed(doc.paths['/api/release-requests/{id}/confirm']?.['post'])).toBe(false);
  });

  it('binds its interceptor to every create route of the document and to no other route; no interceptor is global', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    const creates = new Set(
      Object.values(doc.paths).flatMap((item) => (item['post']?.responses['201'] ? [item['post'].operationId] : [])),
    );
    expect(creates.size).toBeGreaterThan(15);
    const bound = new Set<string>();
    const routes = new Set<string>();
    for (const module of t.app.get(ModulesContainer).values())
      for (const wrapper of module.controllers.values()) {
        const prototype = (wrapper.metatype as { prototype: Record<string, unknown> }).prototype;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = prototype[name];
          if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
          const id = `${wrapper.name}_${name}`;
          routes.add(id);
          const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[];
          if (interceptors.includes(IdempotencyInterceptor)) bound.add(id);
        }
      }
    expect(routes.size).toBeGreaterThan(100);
    expect([...bound].sort()).toEqual([...creates].sort());
    // Reads go through no interceptor at all: Nest's rxjs pipeline cost about 0.4 ms a request (issue #17).
    expect(t.app.get(ApplicationConfig).getGlobalInterceptors()).toEqual([]);
  });
});
