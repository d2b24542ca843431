import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ssoSecretVariable, type SsoSettingsView } from '@ccc/contracts';
import { Organisation } from '../src/organisations/organisation.entity';
import { Person } from '../src/people/person.entity';
import { SsoProvider } from '../src/auth/oidc/sso-provider.entity';
import { CookieJar, type LocalProvider, signInAtProvider, startLocalProvider } from './support/oidc';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, PASSWORD, tokenFor, type World } from './support/world';

/**
 * Single sign-on by OpenID Connect (issue #22), over HTTP end to end: the real application, and a real provider
 * (panva's oidc-provider, the one `npm start` runs) whose development sign-in page is filled in as a browser would.
 */
const PUBLIC_URL = 'http://ccc.test';
const CALLBACK = `${PUBLIC_URL}/api/auth/oidc/callback`;
const tag = randomUUID().slice(0, 8);
const SLUG = `test-${tag}`;
const CLIENT_ID = `ccc-${tag}`;
const SECRET = randomBytes(24).toString('hex');

describe('single sign-on with an OpenID provider', () => {
  let t: TestApp;
  let world: World;
  let provider: LocalProvider;
  let admin: string;

  /** Starts a sign-in at the API, signs in at the provider as `login`, and hands back the callback and the flow cookie. */
  async function throughProvider(login: string): Promise<{ callback: string; flow: string }> {
    const start = await t.http().get(`/api/auth/oidc/${SLUG}/start`).expect(302);
    const jar = new CookieJar();
    jar.keep(start.headers['set-cookie'] as unknown as string[]);
    const flow = jar.get('ccc_oidc_flow');
    expect(flow).toBeTruthy();
    const url = new URL(start.headers.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const back = await signInAtProvider(url.href, login);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    return { callback: `${back.pathname}${back.search}`, flow: `ccc_oidc_flow=${flow}` };
  }

  /** The callback's redirect and the refresh cookie it set, if any. */
  async function callback(path: string, cookie?: string) {
    const req = t.http().get(path);
    if (cookie) req.set('Cookie', cookie);
    const res = await req;
    expect(res.status).toBe(302);
    const jar = new CookieJar();
    jar.keep(res.headers['set-cookie'] as unknown as string[]);
    return { location: res.headers.location as string, refresh: jar.get('ccc_refresh') };
  }

  async function whoFrom(refresh: string) {
    const res = await t.http().post('/api/auth/refresh').set('Cookie', `ccc_refresh=${refresh}`).expect(200);
    return res.body as { accessToken: string; me: { id: string } };
  }

  async function refusedWith(code: string, after: Date) {
    const rows = (await t.db.query(
      `SELECT detail, entity_id, actor_id FROM audit_entry WHERE action = 'auth.sso_refused' AND at >= $1 ORDER BY chain_seq`,
      [after],
    )) as { detail: { reason: string }; entity_id: string; actor_id: string | null }[];
    expect(rows.map((r) => r.detail.reason)).toContain(code);
    return rows;
  }

  beforeAll(async () => {
    process.env[ssoSecretVariable(SLUG)] = SECRET;
    provider = await startLocalProvider([
      {
        client_id: CLIENT_ID,
        client_secret: SECRET,
        redirect_uris: [CALLBACK],
        post_logout_redirect_uris: [`${PUBLIC_URL}/sign-in`],
      },
    ]);
    t = await startTestApp({ PUBLIC_URL });
    world = await createWorld(t);
    admin = await tokenFor(t, world.people.admin);
    await provider.accounts(Object.values(world.people).map((p) => ({ email: p.email, name: p.fullName })));
  });
  afterAll(async () => {
    delete process.env[ssoSecretVariable(SLUG)];
    await t?.close();
    await provider?.stop();
  });

  describe("the administrator configures the Alliance's provider", () => {
    it('shows no provider yet, with the addresses to register at the provider', async () => {
      const res = await t.http().get('/api/alliance-sso').set('Authorization', admin).expect(200);
      const view = res.body as SsoSettingsView;
      expect(view).toEqual(
        expect.objectContaining({
          allianceId: world.alliance.id,
          provider: null,
          version: 0,
          redirectUri: CALLBACK,
          postLogoutRedirectUri: `${PUBLIC_URL}/sign-in`,
          secretFound: false,
        }),
      );
    });

    it('refuses an issuer that is not https (plain http only on this machine), naming the field', async () => {
      const res = await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({
          slug: SLUG,
          label: 'Sign in with NHSmail',
          issuer: 'http://login.example.org',
          clientId: 'x',
          version: 0,
        })
        .expect(400);
      expect(res.body.errors).toEqual([
        { field: 'issuer', reason: 'issuer must be an https:// address (plain http only on 127.0.0.1 or localhost)' },
      ]);
      const bad = await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({ slug: 'Bad Slug', label: '', issuer: provider.issuer, clientId: 'x', version: 0, clientSecret: 'no' })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['clientSecret', 'label', 'slug']);
    });

    it('saves it, audited, with the secret read from the environment and never stored', async () => {
      const res = await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({ slug: SLUG, label: 'Sign in with NHSmail', issuer: provider.issuer, clientId: CLIENT_ID, version: 0 })
        .expect(200);
      const view = res.body as SsoSettingsView;
      expect(view.version).toBe(1);
      expect(view.provider).toEqual(
        expect.objectContaining({ slug: SLUG, issuer: provider.issuer, clientId: CLIENT_ID, enabled: true }),
      );
      expect(view.secretVariable).toBe(ssoSecretVariable(SLUG));
      expect(view.secretFound).toBe(true);
      expect(JSON.stringify(view)).not.toContain(SECRET);
      const [row] = await t.db.query(`SELECT to_jsonb(p)::text AS row FROM sso_provider p WHERE alliance_id = $1`, [
        world.alliance.id,
      ]);
      expect(row.row).not.toContain(SECRET);
      const [audit] = await t.db.query(
        `SELECT actor_id, detail FROM audit_entry WHERE action = 'sso_provider.created' AND entity_id = $1`,
        [world.alliance.id],
      );
      expect(audit.actor_id).toBe(world.people.admin.id);
      expect(audit.detail.changed).toEqual(expect.arrayContaining(['issuer', 'clientId', 'slug']));
      // A stale version is a conflict.
      await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({ slug: SLUG, label: 'Other', issuer: provider.issuer, clientId: CLIENT_ID, version: 0 })
        .expect(409);
    });

    it('reads the secret from a file when the configuration names one', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'oidc-secret-'));
      const file = path.join(dir, 'secret');
      writeFileSync(file, `${SECRET}\n`);
      const saved = await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({
          slug: SLUG,
          label: 'Sign in with NHSmail',
          issuer: provider.issuer,
          clientId: CLIENT_ID,
          clientSecretFile: file,
          version: 1,
        })
        .expect(200);
      expect(saved.body).toEqual(expect.objectContaining({ secretFound: true, secretVariable: null, version: 2 }));
      const missing = await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({
          slug: SLUG,
          label: 'Sign in with NHSmail',
          issuer: provider.issuer,
          clientId: CLIENT_ID,
          clientSecretFile: `${file}-none`,
          version: 2,
        })
        .expect(200);
      expect(missing.body.secretFound).toBe(false);
      // Back to the environment variable for the rest of the file.
      await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({
          slug: SLUG,
          label: 'Sign in with NHSmail',
          issuer: provider.issuer,
          clientId: CLIENT_ID,
          clientSecretFile: null,
          version: 3,
        })
        .expect(200);
    });

    it('lists the button on the sign-in page, to anyone', async () => {
      const res = await t.http().get('/api/auth/oidc/providers').expect(200);
      expect(res.body).toContainEqual({ slug: SLUG, label: 'Sign in with NHSmail', allianceName: world.alliance.name });
    });
  });

  describe('signing in', () => {
    it('signs in a person of the Alliance by their verified e-mail, with the session a password gives', async () => {
      const since = new Date();
      const { callback: back, flow } = await throughProvider(world.people.cccA.email);
      const { location, refresh } = await callback(back, flow);
      expect(location).toBe('/');
      expect(refresh).toBeTruthy();
      const session = await whoFrom(refresh!);
      expect(session.me.id).toBe(world.people.cccA.id);
      await t.http().get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200);
      const entries = await t.db.query(
        `SELECT action, detail FROM audit_entry WHERE actor_id = $1 AND at >= $2 ORDER BY chain_seq`,
        [world.people.cccA.id, since],
      );
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'sso_identity.linked' }),
          expect.objectContaining({
            action: 'auth.signed_in',
            detail: { method: 'oidc', allianceId: world.alliance.id },
          }),
        ]),
      );
      // The second time, the linked account is recognised (no second link).
      const again = await throughProvider(world.people.cccA.email);
      const second = await callback(again.callback, again.flow);
      expect((await whoFrom(second.refresh!)).me.id).toBe(world.people.cccA.id);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM sso_identity WHERE person_id = $1`, [
        world.people.cccA.id,
      ]);
      expect(count).toBe(1);
    });

    it("signs out of the provider too: sign-out answers the provider's end-session address, which works", async () => {
      const { callback: back, flow } = await throughProvider(world.people.cccB.email);
      const { refresh } = await callback(back, flow);
      const res = await t.http().post('/api/auth/logout').set('Cookie', `ccc_refresh=${refresh}`).expect(200);
      const end = new URL(res.body.endSessionUrl as string);
      expect(end.origin).toBe(provider.issuer);
      expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/sign-in`);
      expect(end.searchParams.get('id_token_hint')).toBeTruthy();
      // The local session is over...
      await t.http().post('/api/auth/refresh').set('Cookie', `ccc_refresh=${refresh}`).expect(401);
      // ...and the provider accepts the request (its "sign out?" page), which is what the browser is sent to.
      const page = await fetch(end, { redirect: 'manual' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`${provider.issuer}/session/end/confirm`);
      // A password session still signs out with 204.
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ email: world.people.cccC.email, password: PASSWORD })
        .expect(200);
      const cookie = (login.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('ccc_refresh='))!;
      await t
        .http()
        .post('/api/auth/logout')
        .set('Cookie', cookie.split(';')[0] ?? '')
        .expect(204);
    });
  });

  describe('requiring single sign-on', () => {
    it('refuses a password to a person the administrator requires to use it, with a clear message, audited', async () => {
      const person = world.people.supervisor2;
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(200);
      const set = await t
        .http()
        .put(`/api/alliance-sso/people/${person.id}`)
        .set('Authorization', admin)
        .send({ required: true })
        .expect(200);
      expect(set.body.requiredPeople).toEqual([
        { personId: person.id, fullName: person.fullName, email: person.email },
      ]);
      const refused = await t
        .http()
        .post('/api/auth/login')
        .send({ email: person.email, password: PASSWORD })
        .expect(401);
      // The problem+json answer (RFC 9457) with the reason the SPA reads.
      expect(refused.body).toMatchObject({
        statusCode: 401,
        error: 'Unauthorized',
        reason: 'sso_required',
        message:
          'Your Alliance asks you to sign in with your NHS account: choose "Sign in with NHSmail" instead of a password',
      });
      // A wrong password still says only that.
      const wrong = await t
        .http()
        .post('/api/auth/login')
        .send({ email: person.email, password: 'wrong-password' })
        .expect(401);
      expect(wrong.body.message).toBe('Email or password is incorrect');
      const [audit] = await t.db.query(
        `SELECT detail FROM audit_entry WHERE action = 'auth.sign_in_refused' AND actor_id = $1`,
        [person.id],
      );
      expect(audit.detail).toEqual({ reason: 'sso_required' });
      // Single sign-on still works for them.
      const { callback: back, flow } = await throughProvider(person.email);
      expect((await whoFrom((await callback(back, flow)).refresh!)).me.id).toBe(person.id);
      await t
        .http()
        .put(`/api/alliance-sso/people/${person.id}`)
        .set('Authorization', admin)
        .send({ required: false })
        .expect(200);
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(200);
      // Someone of another Alliance, or nobody: 404.
      await t
        .http()
        .put(`/api/alliance-sso/people/${randomUUID()}`)
        .set('Authorization', admin)
        .send({ required: true })
        .expect(404);
    });

    it('refuses a password to everyone of the Alliance when the Alliance requires single sign-on', async () => {
      const current = (await t.http().get('/api/alliance-sso').set('Authorization', admin).expect(200))
        .body as SsoSettingsView;
      const body = { ...current.provider!, version: current.version };
      await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({ ...body, ssoRequired: true })
        .expect(200);
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: world.people.pcnSupervisor2.email, password: PASSWORD })
        .expect(401);
      await t
        .http()
        .put('/api/alliance-sso')
        .set('Authorization', admin)
        .send({ ...body, version: current.version + 1, ssoRequired: false })
        .expect(200);
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: world.people.pcnSupervisor2.email, password: PASSWORD })
        .expect(200);
    });
  });

  describe('refusals: back to the sign-in page with the reason, audited, never a 500', () => {
    afterEach(() => provider.tamper({}));

    it('refuses a wrong state', async () => {
      const since = new Date();
      const { callback: back, flow } = await throughProvider(world.people.cccC.email);
      const forged = back.replace(/state=[^&]+/, 'state=forged-state');
      expect((await callback(forged, flow)).location).toBe('/sign-in?sso_error=state_mismatch');
      await refusedWith('state_mismatch', since);
    });

    it('refuses a callback without the flow cookie (not started in this browser, or too long ago)', async () => {
      const since = new Date();
      const { callback: back } = await throughProvider(world.people.cccC.email);
      const { location, refresh } = await callback(back);
      expect(location).toBe('/sign-in?sso_error=flow_expired');
      expect(refresh).toBeUndefined();
      await refusedWith('flow_expired', since);
    });

    it('refuses a replayed code, even with the cookie that went with it', async () => {
      const since = new Date();
      const { callback: back, flow } = await throughProvider(world.people.cccC.email);
      expect((await callback(back, flow)).location).toBe('/');
      const replay = await callback(back, flow);
      expect(replay).toEqual({ location: '/sign-in?sso_error=code_rejected', refresh: undefined });
      await refusedWith('code_rejected', since);
    });

    it.each([
      ['another issuer', { iss: 'https://login.example.org/other' }, 'token_invalid'],
      ['another audience', { aud: 'some-other-client' }, 'token_invalid'],
      ['an expired token', { expiresInSeconds: -600 }, 'token_expired'],
    ])('refuses an ID token from %s', async (_what, change, code) => {
      const since = new Date();
      await provider.tamper(change);
      const { callback: back, flow } = await throughProvider(world.people.cccC.email);
      expect(await callback(back, flow)).toEqual({ location: `/sign-in?sso_error=${code}`, refresh: undefined });
      const rows = await refusedWith(code, since);
      expect(rows.at(-1)!.entity_id).toBe(world.alliance.id);
    });

    it('refuses an e-mail nobody of the Alliance has, and creates nobody', async () => {
      const since = new Date();
      const stranger = `stranger.${tag}@example.org`;
      await provider.accounts([{ email: stranger }]);
      // Someone with an account here but no role in this Alliance is no better.
      const roleless = await t.db
        .getRepository(Person)
        .save({ email: `roleless.${tag}@example.org`, fullName: 'No Role' });
      await provider.accounts([{ email: roleless.email }]);
      for (const email of [stranger, roleless.email]) {
        const { callback: back, flow } = await throughProvider(email);
        expect((await callback(back, flow)).location).toBe('/sign-in?sso_error=not_invited');
      }
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM person WHERE email = $1`, [stranger]);
      expect(count).toBe(0);
      await refusedWith('not_invited', since);
    });

    it('refuses an e-mail the provider has not verified', async () => {
      const since = new Date();
      const person = world.people.cccUnenrolled;
      await provider.accounts([{ email: person.email, email_verified: false }]);
      const { callback: back, flow } = await throughProvider(person.email);
      expect((await callback(back, flow)).location).toBe('/sign-in?sso_error=email_unverified');
      await refusedWith('email_unverified', since);
      await provider.accounts([{ email: person.email, email_verified: true }]);
    });

    it('refuses when the provider cannot be reached, and an unknown provider', async () => {
      const since = new Date();
      const other = await t.db.getRepository(Organisation).save({ kind: 'alliance', name: `Unreachable ${tag}` });
      // A port nothing listens on any more.
      const closed = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          server.close(() => resolve(port));
        });
      });
      await t.db.getRepository(SsoProvider).insert({
        allianceId: other.id,
        slug: `down-${tag}`,
        label: 'Sign in with NHSmail',
        issuer: `http://127.0.0.1:${closed}`,
        clientId: 'nobody',
      });
      const down = await t.http().get(`/api/auth/oidc/down-${tag}/start`).expect(302);
      expect(down.headers.location).toBe('/sign-in?sso_error=provider_unavailable');
      const unknown = await t.http().get(`/api/auth/oidc/no-such-${tag}/start`).expect(302);
      expect(unknown.headers.location).toBe('/sign-in?sso_error=unknown_provider');
      const rows = await refusedWith('provider_unavailable', since);
      expect(rows.find((r) => r.detail.reason === 'provider_unavailable')!.entity_id).toBe(other.id);
    });

    it('refuses what the provider itself refused (the person cancelled)', async () => {
      const start = await t.http().get(`/api/auth/oidc/${SLUG}/start`).expect(302);
      const jar = new CookieJar();
      jar.keep(start.headers['set-cookie'] as unknown as string[]);
      const state = new URL(start.headers.location as string).searchParams.get('state');
      const res = await callback(
        `/api/auth/oidc/callback?error=access_denied&state=${state}`,
        `ccc_oidc_flow=${jar.get('ccc_oidc_flow')}`,
      );
      expect(res.location).toBe('/sign-in?sso_error=provider_refused');
    });
  });
});
