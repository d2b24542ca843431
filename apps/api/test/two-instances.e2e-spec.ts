import { DEFAULT_FRAMEWORK } from '@ccc/programme';
import { type ApiProcess, startApiProcess } from './support/api-process';
import { inMonth, sessionOf, virtual } from './support/scheduling';
import { startTestApp, type TestApp, withDatabase } from './support/test-app';
import { worldWithTokens } from './support/world';

type Tokens = Awaited<ReturnType<typeof worldWithTokens>>['tokens'];
const CODE = DEFAULT_FRAMEWORK.domains[0]!.competencies[0]!.code;

/**
 * Two API processes on one database, as behind a load balancer: nothing one instance keeps in memory may be needed
 * by the other. Each contested write goes to both at the same moment and happens exactly once. (The world is made
 * through the in-process app; reminders sent once by two workers are shown in reminders.e2e-spec.ts.)
 */
describe('two API instances on one database', () => {
  let t: TestApp;
  let one: ApiProcess;
  let two: ApiProcess;
  let world: Awaited<ReturnType<typeof worldWithTokens>>['world'];
  let tokens: Tokens;

  beforeAll(async () => {
    // A database of their own, empty: both instances start at the same moment and race to migrate it (an advisory
    // lock lets one migrate while the other waits).
    const url = await withDatabase('instances', 'create');
    const env = { LOGIN_FAILURES_PER_ACCOUNT: '4', JOBS_ENABLED: 'true' };
    [one, two] = await Promise.all([startApiProcess(url, env), startApiProcess(url, env)]);
    t = await startTestApp({ DATABASE_URL: url });
    ({ world, tokens } = await worldWithTokens(t));
  }, 120_000);

  // The instances share sign-in counters through the database: each test starts with none (the world's own
  // sign-ins, through the in-process app, would count against the instances' lower limit).
  beforeEach(() => t.db.query('DELETE FROM rate_limit_counter'));

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await t?.close();
    await withDatabase('instances', 'drop');
  });

  const send = (instance: ApiProcess, token: string, path: string, body: object) =>
    fetch(`${instance.base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: token },
      body: JSON.stringify(body),
    });

  it('accepts a token issued by either instance on the other', async () => {
    const login = await send(one, '', '/api/auth/login', {
      email: world.people.cccA.email,
      password: 'test-password-1',
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${two.base}/api/me`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
  });

  it('books one of two clashing sessions, whichever instance each booking reaches', async () => {
    const A = world.enrolments.A;
    const individual = await sessionOf(t, tokens.sup1, A, 'm4-individual');
    const group = await sessionOf(t, tokens.sup1, A, 'm4-group');
    const slot = inMonth(world, 4, 3);
    const answers = await Promise.all([
      send(one, tokens.sup1, `/api/sessions/${individual.id}/book`, {
        startsAt: slot,
        durationMinutes: 60,
        ...virtual,
        version: individual.version,
      }),
      send(two, tokens.admin, `/api/sessions/${group.id}/book`, {
        startsAt: slot,
        durationMinutes: 60,
        ...virtual,
        version: group.version,
      }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM session WHERE id = ANY($1) AND status = 'scheduled'`,
      [[individual.id, group.id]],
    );
    expect(n).toBe(1);
  });

  it('records one sign-off when the same sign-off reaches both instances', async () => {
    const A = world.enrolments.A;
    const base = `/api/enrolments/${A}/competencies/${CODE}`;
    expect((await send(one, tokens.cccA, `${base}/start`, { version: 0 })).status).toBe(200);
    const evidence = await send(two, tokens.cccA, `${base}/evidence`, {
      kind: 'reflection',
      text: 'What I did, what I learned and what I will do next.',
    });
    expect(evidence.status).toBe(201);
    const { version } = ((await evidence.json()) as { progress: { version: number } }).progress;
    const signOff = { rating: 3, comment: 'Well evidenced.', version };
    const answers = await Promise.all([
      send(one, tokens.sup1, `${base}/sign-off`, signOff),
      send(two, tokens.sup1, `${base}/sign-off`, signOff),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM competency_review r JOIN competency_progress p ON p.id = r.progress_id
        WHERE p.enrolment_id = $1 AND p.competency_code = $2 AND r.outcome = 'signed_off'`,
      [A, CODE],
    );
    expect(n).toBe(1);
  });

  it('counts sign-in attempts across both instances, so a second instance does not double the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await send(i % 2 ? two : one, '', '/api/auth/login', {
        email: world.people.cccB.email,
        password: 'wrong',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});
