import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, PASSWORD, signIn, type World } from './support/world';

describe('sign-in and /api/me', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });
  afterAll(() => t.close());

  it('signs in with email and password, case-insensitively, and returns a token and who signed in', async () => {
    const { email, id } = world.people.cccA;
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: email.toUpperCase(), password: PASSWORD })
      .expect(200);
    expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.expiresIn).toBeGreaterThan(0);
    expect(res.body.me).toEqual(
      expect.objectContaining({
        id,
        email,
        roles: [{ role: 'ccc', organisationId: world.pcn1.id, organisationName: world.pcn1.name }],
      }),
    );
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: world.people.cccA.email, password: 'nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.org', password: 'nope' })
      .expect(401);
    expect(wrong.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Email or password is incorrect',
    });
    // The same answer but for `instance`, which names each request by its own id.
    const sameBut = ({ instance: _instance, ...rest }: Record<string, unknown>) => rest;
    expect(sameBut(unknown.body)).toEqual(sameBut(wrong.body));
  });

  it('answers bad input with 400, naming each field and the reason', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'not-an-email', password: '', extra: 1 })
      .expect(400);
    expect(res.body.message).toBe('Validation failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', reason: 'email must be an email address' },
        { field: 'password', reason: 'password must not be empty' },
        { field: 'extra', reason: 'property extra should not exist' },
      ]),
    );
  });

  it('returns the caller on /api/me and refuses it without a token', async () => {
    await t.http().get('/api/me').expect(401);
    const token = await signIn(t, world.people.pcnSupervisor1);
    const res = await t.http().get('/api/me').set('Authorization', token).expect(200);
    expect(res.body).toEqual({
      id: world.people.pcnSupervisor1.id,
      email: world.people.pcnSupervisor1.email,
      fullName: world.people.pcnSupervisor1.fullName,
      allianceId: world.alliance.id,
      alliances: [{ id: world.alliance.id, name: world.alliance.name }],
      roles: [{ role: 'pcn_supervisor', organisationId: world.pcn1.id, organisationName: world.pcn1.name }],
    });
  });

  it('never returns the password hash', async () => {
    const token = await signIn(t, world.people.admin);
    const res = await t.http().get('/api/me').set('Authorization', token).expect(200);
    expect(JSON.stringify(res.body)).not.toContain('argon2');
  });
});

describe('sign-in under attack', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_FAILURES_PER_PAIR: '3',
      LOGIN_FAILURES_PER_ACCOUNT: '3',
      LOGIN_FAILURES_PER_ADDRESS: '4',
      TRUST_PROXY: 'loopback',
    });
    world = await createWorld(t);
  });
  afterAll(() => t.close());

  // Exponential back-off per account and address, per address and per account: security-auth.e2e-spec.ts.
  it('backs off attempts per account, whatever the address, with 429 and Retry-After', async () => {
    const attempt = (ip: string) =>
      t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: world.people.cccB.email, password: 'guess' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(`10.0.0.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt('10.0.0.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is not affected.
    await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '10.0.1.1')
      .send({ email: world.people.cccC.email, password: PASSWORD })
      .expect(200);
  });

  it('backs off attempts per address across accounts', async () => {
    const emails = [
      world.people.admin.email,
      world.people.supervisor1.email,
      world.people.supervisor2.email,
      world.people.pcnSupervisor2.email,
      world.people.pcnSupervisor1.email,
    ];
    const statuses = [];
    for (const email of emails)
      statuses.push((await t.http().post('/api/auth/login').send({ email, password: 'guess' })).status);
    // A successful sign-in is not counted against its address.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('sends security headers and a strict Content-Security-Policy, and no CORS grant', async () => {
    const res = await t.http().get('/api/health').set('Origin', 'https://evil.example.org').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
