import fc from 'fast-check';
import { IsNull } from 'typeorm';
import { ReleaseRequest } from '../src/release-time/release-request.entity';
import { Session } from '../src/sessions/session.entity';
import { startTestApp, type TestApp, withDatabase } from './support/test-app';
import { createWorld, tokenFor, type World } from './support/world';
import { exampleFor as exampleOf, writeExamples } from './support/write-examples';
import { AUDITED_CHANGES_SQL } from './support/audit';

/** Cases per endpoint: 200 in CI, more with FUZZ_RUNS=2000. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const ALLOWED = [200, 201, 204, 400, 403, 404, 409, 410, 413, 415];
/** The public answer links are rate limited: a burst of generated calls meets the limit, as it should. */
const RATE_LIMITED = new Set([
  '/api/links/{token}',
  '/api/invitations/{token}',
  '/api/invitations/{token}/password',
  '/api/email-confirmations/{token}',
]);
/**
 * Their credential is the refresh cookie, not the body: a body is ignored, and no cookie is a 401 (refresh). They
 * are called without the administrator's token, which signing out would end.
 */
const COOKIE_ROUTES = new Set(['/api/auth/refresh', '/api/auth/logout']);

/**
 * Generated bodies against every write endpoint of the OpenAPI document: the answer is always one of the
 * expected refusals or a success, never a 500, and a refused request changes nothing in the database.
 */
describe('bad input, tried systematically', () => {
  let t: TestApp;
  let world: World;
  let admin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // A database of its own: every case fingerprints whole tables twice, so other test files' rows only slow it down.
    t = await startTestApp({ DATABASE_URL: await withDatabase('fuzz', 'create') });
    world = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
    const sessions = t.db.getRepository(Session);
    ids.session = (
      await sessions.findOneByOrFail({ enrolmentId: world.enrolments.A, planItemKey: 'm3-individual' })
    ).id;
    ids.group = (
      await sessions.findOneByOrFail({ cohortId: world.cohort.id, enrolmentId: IsNull(), planItemKey: 'm3-group' })
    ).id;
    const request = await t.db.getRepository(ReleaseRequest).save({
      enrolmentId: world.enrolments.A,
      kind: 'study',
      sessionId: null,
      date: world.startDate,
      minutes: 60,
      description: 'Fuzz target',
    });
    ids.release = request.id;
  });
  afterAll(async () => {
    await t.close();
    await withDatabase('fuzz', 'drop');
  });

  /** A fingerprint of everything a write could change. */
  async function fingerprint(): Promise<string> {
    const rows: { f: string }[] = await t.db.query(`
      SELECT concat_ws('|',
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM session),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM session_attendance),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM enrolment),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM release_request),
        (SELECT count(*) FROM attestation), (SELECT count(*) FROM agreed_action),
        (SELECT count(*) FROM calendar_feed WHERE revoked_at IS NULL), (SELECT count(*) FROM action_link),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM notification_preference),
        (SELECT count(*) FROM notification WHERE read_at IS NOT NULL),
        (SELECT count(*) FROM competency_framework),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM cohort),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM competency_progress),
        (SELECT count(*) FROM competency_evidence), (SELECT count(*) FROM competency_review),
        (SELECT count(*) FROM evidence_file), (SELECT count(*) FROM tna_rating),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM tna),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM training_plan_item),
        (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM draft),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM handover_interview),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM evaluation_response),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM outcome_count),
        (SELECT count(*) FROM enrolment_amendment), (SELECT count(*) FROM programme_template),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM person), (SELECT count(*) FROM role_assignment),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM alliance_policy),
        (SELECT count(*) FROM role_offer),
        (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM workforce_attendee), (${AUDITED_CHANGES_SQL})) AS f`);
    return rows[0]!.f;
  }

  const exampleFor = (path: string) => exampleOf(writeExamples(world), path);

  const fillPath = (path: string) =>
    path
      .replace('/cohorts/{id}', `/cohorts/${world.cohort.id}`)
      .replace('/enrolments/{id}', `/enrolments/${world.enrolments.A}`)
      .replace('/sessions/{id}', `/sessions/${ids.session}`)
      .replace('/templates/{id}', `/templates/${world.template.id}`)
      .replace('/release-requests/{id}', `/release-requests/${ids.release}`)
      .replace(/\{[^}]+\}/g, 'not-a-real-token-00000000000000000000000');

  /** Each field of the example kept, dropped, or replaced by anything at all; sometimes a field added. */
  const bodyArbitrary = (example: Record<string, unknown>) =>
    fc.oneof(
      fc.anything(),
      fc.record(
        Object.fromEntries(
          Object.entries(example).map(([k, v]) => [
            k,
            fc.oneof(fc.constant(v), fc.anything(), fc.string(), fc.integer(), fc.constant(undefined)),
          ]),
        ),
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 5 }),
    );

  it(`answers ${RUNS} generated bodies per write endpoint without a 500, and a refusal changes nothing`, async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m === 'post' || m === 'delete' || m === 'put' || m === 'patch')
        .map((method) => ({ method: method as 'post' | 'delete', path })),
    );
    expect(writes.length).toBeGreaterThanOrEqual(15);
    const seen = new Map<string, Set<number>>();
    for (const { method, path } of writes) {
      const url = fillPath(path);
      const example = exampleFor(path) as Record<string, unknown>;
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(example), async (body) => {
          const before = await fingerprint();
          const req = t.http()[method](url);
          if (!COOKIE_ROUTES.has(path)) req.set('Authorization', admin);
          const res =
            typeof body === 'object' && body !== null
              ? await req.send(body as object)
              : await req.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? 'null');
          seen.set(`${method} ${path}`, (seen.get(`${method} ${path}`) ?? new Set()).add(res.status));
          const allowed =
            ALLOWED.includes(res.status) ||
            (res.status === 429 && RATE_LIMITED.has(path)) ||
            (res.status === 401 && (path === '/api/auth/login' || COOKIE_ROUTES.has(path)));
          if (!allowed)
            throw new Error(`${method} ${path} answered ${res.status} to ${JSON.stringify(body)}: ${res.text}`);
          if (res.status >= 400 && (await fingerprint()) !== before) {
            throw new Error(
              `${method} ${path} refused ${JSON.stringify(body)} with ${res.status} but changed the database`,
            );
          }
        }),
        { numRuns: RUNS },
      );
    }
    // The generated bodies reached validation on every endpoint.
    for (const [route, statuses] of seen) {
      if (COOKIE_ROUTES.has(route.split(' ')[1] ?? '')) continue;
      expect({
        route,
        validated: statuses.has(400) || statuses.has(404) || statuses.has(409) || statuses.has(410),
      }).toEqual({ route, validated: true });
    }
  }, 600_000);

  it('refuses a body over the size limit with 413 and a non-JSON body with 400 or 415', async () => {
    const huge = { notes: 'x'.repeat(2_000_000) };
    await t.http().post(`/api/sessions/${ids.session}/record`).set('Authorization', admin).send(huge).expect(413);
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect([400, 415]).toContain(res.status);
  });
});
