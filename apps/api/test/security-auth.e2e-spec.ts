import { createHmac, randomUUID } from 'node:crypto';
import { OutboxMessage } from '../src/links/outbox-message.entity';
import { API_CONFIG, type ApiConfig } from '../src/config';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, PASSWORD, signIn, type World } from './support/world';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Security issue #14: sign-in back-off, common passwords, tokens, control characters, links from the Host header. */
describe('sign-in back-off', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    // Low limits so that the test is short; TRUST_PROXY lets X-Forwarded-For stand for the caller's address.
    t = await startTestApp({
      LOGIN_FAILURES_PER_PAIR: '3',
      LOGIN_FAILURES_PER_ADDRESS: '8',
      LOGIN_FAILURES_PER_ACCOUNT: '6',
      TRUST_PROXY: '1',
    });
    world = await createWorld(t);
  });
  afterAll(() => t.close());

  const attempt = (address: string, email: string, password: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  /** Wrong passwords until one is refused with 429: its Retry-After, and the 401s before it. */
  async function failUntilLimited(address: (i: number) => string, email: string) {
    let failures = 0;
    for (let i = 0; i < 20; i += 1) {
      const res = await attempt(address(i), email, 'guess-guess');
      if (res.status === 429) {
        expect(res.body.message).toMatch(/Too many sign-in attempts/);
        return { wait: Number(res.headers['retry-after']), failures };
      }
      expect(res.status).toBe(401);
      failures += 1;
    }
    throw new Error('never limited');
  }

  it('slows an attacker from many addresses without locking out the owner at their usual address', async () => {
    const owner = world.people.cccA;
    await attempt('198.51.100.7', owner.email, PASSWORD).expect(200);
    let n = 0;
    const attacker = () => `203.0.113.${(n += 1)}`;
    // Six failures across addresses start the account-wide back-off, which grows with each further failure.
    const first = await failUntilLimited(attacker, owner.email);
    expect(first.failures).toBe(6);
    let { wait } = first;
    while (wait < 4) {
      await sleep(wait * 1000 + 300);
      ({ wait } = await failUntilLimited(attacker, owner.email));
    }
    // Every address but the owner's waits, even with the right password...
    const limited = await attempt('203.0.113.250', owner.email, PASSWORD).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // ...but the owner at the address they signed in from before is not locked out by anyone else's failures.
    await attempt('198.51.100.7', owner.email, PASSWORD).expect(200);
    await attempt('198.51.100.7', owner.email, 'a-typo-here').expect(401);
    await attempt('198.51.100.7', owner.email, PASSWORD).expect(200);
  }, 30_000);

  it('makes one account and address wait longer after each failure, with 429 and Retry-After', async () => {
    const email = world.people.cccB.email;
    const address = () => '192.0.2.50';
    const first = await failUntilLimited(address, email);
    expect(first.failures).toBe(3);
    const waits = [first.wait];
    for (let round = 0; round < 2; round += 1) {
      await sleep(waits.at(-1)! * 1000 + 300);
      waits.push((await failUntilLimited(address, email)).wait);
    }
    expect(waits).toEqual([1, 2, 4]);
    // Even the right password waits its turn.
    await attempt(address(), email, PASSWORD).expect(429);
  }, 30_000);

  it('slows one address guessing many accounts', async () => {
    // A new (unknown) account each time, so only the address's counter can stop it.
    const statuses: number[] = [];
    for (let i = 0; i < 15 && !statuses.includes(429); i += 1)
      statuses.push((await attempt('192.0.2.99', `nobody.${randomUUID()}@example.org`, 'guess-guess')).status);
    expect(statuses.slice(0, 8)).toEqual([401, 401, 401, 401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected.
    await attempt('192.0.2.100', world.people.cccC.email, PASSWORD).expect(200);
  });

  it('accepts sign-in only as JSON, so no other site can post a form to it', async () => {
    const form = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '192.0.2.200')
      .type('form')
      .send({ email: world.people.supervisor1.email, password: PASSWORD });
    expect([400, 415]).toContain(form.status);
    const text = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '192.0.2.200')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: world.people.supervisor1.email, password: PASSWORD }));
    expect([400, 415]).toContain(text.status);
  });
});

describe('tokens, passwords, single-line fields and links', () => {
  let t: TestApp;
  let world: World;
  let admin: string;
  let secret: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://ccc.example.org/' });
    world = await createWorld(t);
    admin = await signIn(t, world.people.admin);
    secret = t.app.get<ApiConfig>(API_CONFIG).jwtSecret;
  });
  afterAll(() => t.close());

  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const sign = (header: object, payload: object, algorithm: 'sha256' | 'sha384') => {
    const unsigned = `${b64(header)}.${b64(payload)}`;
    return `${unsigned}.${createHmac(algorithm, secret).update(unsigned).digest('base64url')}`;
  };
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; sid: string; exp: number };

  it('accepts HS256 tokens with an expiry only: not HS384, not alg none, not without exp', async () => {
    const { sub, sid, exp } = claimsOf((await signIn(t, world.people.cccA)).slice('Bearer '.length));
    const me = (token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);
    // The same claims, signed as the API does: accepted (so the refusals below are for the reason named).
    await me(sign({ alg: 'HS256', typ: 'JWT' }, { sub, sid, exp }, 'sha256')).expect(200);
    await me(sign({ alg: 'HS384', typ: 'JWT' }, { sub, sid, exp }, 'sha384')).expect(401);
    await me(`${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, sid, exp })}.`).expect(401);
    await me(sign({ alg: 'HS256', typ: 'JWT' }, { sub, sid }, 'sha256')).expect(401);
  });

  it('ends the session when signing out with only the access token; its refresh cookie stops working', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: world.people.cccB.email, password: PASSWORD })
      .expect(200);
    const token = `Bearer ${login.body.accessToken}`;
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    await t.http().post('/api/auth/logout').set('Authorization', token).expect(204);
    await t.http().get('/api/me').set('Authorization', token).expect(401);
    await t.http().post('/api/auth/refresh').set('Cookie', cookie).expect(401);
  });

  it('refuses a common password wherever one is set, naming the field', async () => {
    const token = await signIn(t, world.people.cccC);
    const changed = await t
      .http()
      .post('/api/me/password')
      .set('Authorization', token)
      .send({ currentPassword: PASSWORD, newPassword: 'qwertyuiop123' })
      .expect(400);
    expect(changed.body.errors).toEqual([{ field: 'newPassword', reason: expect.stringMatching(/too common/) }]);
    // A listed word with digits and symbols around it is as predictable.
    const variant = await t
      .http()
      .post('/api/me/password')
      .set('Authorization', token)
      .send({ currentPassword: PASSWORD, newPassword: 'Password2024!!' })
      .expect(400);
    expect(variant.body.errors).toEqual([{ field: 'newPassword', reason: expect.stringMatching(/too common/) }]);
    await t.http().get('/api/me').set('Authorization', token).expect(200);
  });

  it('refuses names with line breaks or other control characters, naming the field', async () => {
    for (const fullName of ['Eve\r\nBcc: everyone@example.org', 'Eve\u0000', 'Eve\u0085Smith', 'Eve\u202eevE']) {
      const res = await t
        .http()
        .post('/api/people/invitations')
        .set('Authorization', admin)
        .send({
          email: `eve.${randomUUID().slice(0, 8)}@example.org`,
          fullName,
          role: 'ccc',
          organisationId: world.pcn1.id,
        })
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'fullName', reason: 'fullName must be a single line of text without control characters' },
      ]);
    }
    const cohort = await t
      .http()
      .post('/api/cohorts')
      .set('Authorization', admin)
      .send({ name: 'Spring\ncohort', templateId: world.template.id, startDate: '2030-01-01', supervisorIds: [] });
    expect(cohort.status).toBe(400);
    expect(cohort.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', reason: 'name must be a single line of text without control characters' },
      ]),
    );
  });

  it('builds e-mailed links from PUBLIC_URL, normalised, never from the Host header', async () => {
    const email = `new.${randomUUID().slice(0, 8)}@example.org`;
    await t
      .http()
      .post('/api/people/invitations')
      .set('Authorization', admin)
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .send({ email, fullName: 'New Person', role: 'ccc', organisationId: world.pcn1.id })
      .expect(201);
    const [message] = await t.db
      .getRepository(OutboxMessage)
      .find({ where: { toEmail: email }, order: { createdAt: 'DESC' }, take: 1 });
    expect(message!.body).not.toContain('evil.example');
    const link = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]+/.exec(message!.body)?.[0];
    expect(link).toMatch(/^https:\/\/ccc\.example\.org\/set-password\//);
    expect(link!.slice('https://'.length)).not.toContain('//');

    // And the invitation's own password is checked against the common list too.
    const token = link!.split('/set-password/')[1]!;
    const set = await t
      .http()
      .post(`/api/invitations/${token}/password`)
      .send({ password: 'password1234' })
      .expect(400);
    expect(set.body.errors).toEqual([{ field: 'password', reason: expect.stringMatching(/too common/) }]);
    await t.http().post(`/api/invitations/${token}/password`).send({ password: 'demo-password-1' }).expect(204);

    const feed = await t
      .http()
      .post('/api/calendar-feed')
      .set('Authorization', await signIn(t, world.people.cccA))
      .set('Host', 'evil.example')
      .expect(201);
    expect(feed.body.url).toMatch(/^https:\/\/ccc\.example\.org\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  });
});
