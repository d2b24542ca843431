import type { Response } from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';
import { createPerson, createWorld, PASSWORD, type World, type WorldPerson } from './support/world';

/** The refresh cookie a response sets (its `name=value`), and the attributes it was set with. */
function refreshCookie(res: Response): { pair: string; attributes: string } {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('ccc_refresh='));
  if (!header) throw new Error(`no refresh cookie in ${res.status} ${JSON.stringify(res.headers['set-cookie'])}`);
  const [pair = '', ...attributes] = header.split(';');
  return { pair: pair.trim(), attributes: attributes.join(';') };
}

describe('sessions: short access tokens and a rotating refresh cookie', () => {
  let t: TestApp;
  let world: World;
  let person: WorldPerson;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createWorld(t);
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    // A person per test, so one test's revocations cannot leak into another.
    person = await createPerson(t.db, 'Session Person', 'ccc', world.pcn1.id);
  });

  const signIn = async (password = PASSWORD) => {
    const res = await t.http().post('/api/auth/login').send({ email: person.email, password }).expect(200);
    return { bearer: `Bearer ${res.body.accessToken}`, cookie: refreshCookie(res).pair, res };
  };
  const refresh = (cookie?: string) => {
    const req = t.http().post('/api/auth/refresh');
    return cookie ? req.set('Cookie', cookie) : req;
  };
  const me = (bearer: string) => t.http().get('/api/me').set('Authorization', bearer);

  it('signs in with a 15-minute access token and an httpOnly, Secure, SameSite=Strict refresh cookie for /api/auth', async () => {
    const { res } = await signIn();
    expect(res.body.expiresIn).toBe(15 * 60);
    const { pair, attributes } = refreshCookie(res);
    expect(pair).toMatch(/^ccc_refresh=[\w-]{40,}$/);
    expect(attributes).toMatch(/HttpOnly/);
    expect(attributes).toMatch(/Secure/);
    expect(attributes).toMatch(/SameSite=Strict/);
    expect(attributes).toMatch(/Path=\/api\/auth/);
    expect(res.headers['cache-control']).toBe('no-store');
    // Only the hash is stored: the token itself appears nowhere in the database.
    const token = pair.slice('ccc_refresh='.length);
    const found = await t.db.query(`SELECT count(*)::int AS n FROM refresh_token WHERE token_hash = $1`, [token]);
    expect(found[0].n).toBe(0);
  });

  it('exchanges the cookie for a new access token and a new cookie', async () => {
    const first = await signIn();
    const res = await refresh(first.cookie).expect(200);
    expect(res.body.me.id).toBe(person.id);
    const next = refreshCookie(res).pair;
    expect(next).not.toBe(first.cookie);
    await me(`Bearer ${res.body.accessToken}`).expect(200);
    // The new cookie refreshes again.
    await refresh(next).expect(200);
  });

  it('treats a second use of a refresh token as theft: the whole session ends, other sessions stay', async () => {
    const stolen = await signIn();
    const other = await signIn();
    const rotated = await refresh(stolen.cookie).expect(200);
    const rotatedBearer = `Bearer ${rotated.body.accessToken}`;

    const replay = await refresh(stolen.cookie).expect(401);
    expect(replay.body.message).toBe('Your session has ended; sign in again');
    // Every token of that family is dead: the rotated cookie, and both access tokens.
    await refresh(refreshCookie(rotated).pair).expect(401);
    await me(rotatedBearer).expect(401);
    await me(stolen.bearer).expect(401);
    // The person's other sign-in is untouched.
    await me(other.bearer).expect(200);
    await refresh(other.cookie).expect(200);

    const audit = await t.db.query(
      `SELECT detail FROM audit_entry WHERE action = 'auth_session.revoked' AND detail->>'personId' = $1`,
      [person.id],
    );
    expect(audit).toEqual([{ detail: { reason: 'refresh_token_reused', personId: person.id } }]);
  });

  it('decides two simultaneous refreshes with one token one after the other: one wins, the replay ends the session', async () => {
    const { cookie } = await signIn();
    const answers = await Promise.all([refresh(cookie), refresh(cookie)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = answers.find((r) => r.status === 200)!;
    await refresh(refreshCookie(winner).pair).expect(401);
  });

  it('signs out: the cookie is cleared and the session, with its access token, ends at once', async () => {
    const { bearer, cookie } = await signIn();
    const res = await t.http().post('/api/auth/logout').set('Cookie', cookie).expect(204);
    expect(refreshCookie(res).pair).toBe('ccc_refresh=');
    await refresh(cookie).expect(401);
    await me(bearer).expect(401);
    // Signing out twice, or without a cookie, is harmless.
    await t.http().post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await t.http().post('/api/auth/logout').expect(204);
  });

  it('refuses a refresh with no cookie, an unknown one, or an expired one', async () => {
    await refresh().expect(401);
    await refresh('ccc_refresh=not-a-token').expect(401);
    const { cookie } = await signIn();
    await t.db.query(
      `UPDATE refresh_token SET expires_at = now() - interval '1 second'
        WHERE session_id IN (SELECT id FROM auth_session WHERE person_id = $1)`,
      [person.id],
    );
    await refresh(cookie).expect(401);
  });

  it('a password change ends every session of the person and is audited; the new password signs in', async () => {
    const one = await signIn();
    const two = await signIn();
    const newPassword = 'a-brand-new-password';

    const wrong = await t
      .http()
      .post('/api/me/password')
      .set('Authorization', one.bearer)
      .send({ currentPassword: 'not-it', newPassword })
      .expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', reason: 'is not right' }]);
    const short = await t
      .http()
      .post('/api/me/password')
      .set('Authorization', one.bearer)
      .send({ currentPassword: PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(short.body.errors).toEqual([{ field: 'newPassword', reason: 'newPassword must be at least 12 characters' }]);
    // Refused attempts changed nothing.
    await me(one.bearer).expect(200);

    await t
      .http()
      .post('/api/me/password')
      .set('Authorization', one.bearer)
      .send({ currentPassword: PASSWORD, newPassword })
      .expect(204);
    for (const session of [one, two]) {
      await me(session.bearer).expect(401);
      await refresh(session.cookie).expect(401);
    }
    await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(401);
    await signIn(newPassword);
    const audit = await t.db.query(
      `SELECT actor_id FROM audit_entry WHERE action = 'person.password_changed' AND entity_id = $1`,
      [person.id],
    );
    expect(audit).toEqual([{ actor_id: person.id }]);
  });

  it('refuses an access token without a session (signed with the right key but minted elsewhere)', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const forged = await t.app.get(JwtService).signAsync({ sub: person.id }, { expiresIn: 60 });
    await me(`Bearer ${forged}`).expect(401);
  });
});
