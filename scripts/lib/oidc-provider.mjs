// A real OpenID provider for the demo and the tests: panva's certified `oidc-provider` on 127.0.0.1, with its
// development sign-in page (type the e-mail of an account; any password). Never for production: an Alliance
// configures its real issuer (NHSmail's Entra ID, NHS CIS2) instead. See README, "Sign in with NHSmail".
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import Provider from 'oidc-provider';

/**
 * @typedef {{ email: string, name?: string, email_verified?: boolean }} LocalAccount
 * @typedef {{ client_id: string, client_secret?: string, redirect_uris: string[], post_logout_redirect_uris?: string[] }} LocalClient
 * @typedef {{ iss?: string, aud?: string, expiresInSeconds?: number }} IdTokenTamper
 */

const page = (title, body) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

const readJson = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });

/**
 * Starts the provider. `testControls` adds two routes for the API tests only: `PUT /__test/accounts` (add or change
 * accounts) and `PUT /__test/id-token` (re-sign the next ID tokens with another issuer, audience or expiry, as a
 * misbehaving or hostile provider would), so the relying party's checks are tried against real tokens.
 *
 * @param {{ port?: number, host?: string, accounts?: LocalAccount[], clients: LocalClient[], testControls?: boolean }} options
 */
export async function startLocalOidcProvider({ port = 0, host = '127.0.0.1', accounts = [], clients, testControls }) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(port, host, resolve));
  const issuer = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.address().port}`;

  /** @type {Map<string, LocalAccount>} by lower-case login (the e-mail typed on the sign-in page) */
  const byLogin = new Map();
  const addAccount = (account) => byLogin.set(account.email.trim().toLowerCase(), { email_verified: true, ...account });
  accounts.forEach(addAccount);
  /** @type {IdTokenTamper | null} */
  let tamper = null;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'local-1', use: 'sig', alg: 'RS256' };
  const signingKey = await importJWK(jwk, 'RS256');

  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: client.client_secret ? 'client_secret_post' : 'none',
      post_logout_redirect_uris: [],
      ...client,
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Plain pages with nothing fetched from elsewhere (the defaults load a web font).
        async logoutSource(ctx, form) {
          ctx.body = page(
            'Sign out',
            `<h1>Sign out of the local NHS account service?</h1>${form}
             <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
             <button type="submit" form="op.logoutForm">No, stay signed in</button>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page('Signed out', '<h1>You have signed out of the local NHS account service.</h1>');
        },
      },
    },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, id) {
      const account = byLogin.get(String(id).trim().toLowerCase());
      if (!account) return undefined;
      // The subject is the login as typed on the development page (its account id); a real provider's is opaque.
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: account.email_verified,
          name: account.name ?? account.email,
        }),
      };
    },
    // First-party clients: no consent screen, every asked-for scope granted.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  // The log would otherwise warn about the development sign-in page on every start.
  provider.on('server_error', (_ctx, error) => console.error('local OpenID provider:', error));

  if (testControls) {
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body;
      if (ctx.path !== '/token' || !tamper || !body || typeof body !== 'object' || !body.id_token) return;
      const claims = decodeJwt(body.id_token);
      const now = Math.floor(Date.now() / 1000);
      const changed = {
        ...claims,
        ...(tamper.iss ? { iss: tamper.iss } : {}),
        ...(tamper.aud ? { aud: tamper.aud } : {}),
        ...(tamper.expiresInSeconds !== undefined ? { iat: now - 3600, exp: now + tamper.expiresInSeconds } : {}),
      };
      body.id_token = await new SignJWT(changed)
        .setProtectedHeader(decodeProtectedHeader(body.id_token))
        .sign(signingKey);
    });
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (testControls && req.method === 'PUT' && req.url === '/__test/accounts') {
      readJson(req).then(
        (list) => {
          list.forEach(addAccount);
          res.writeHead(204).end();
        },
        () => res.writeHead(400).end(),
      );
      return;
    }
    if (testControls && req.method === 'PUT' && req.url === '/__test/id-token') {
      readJson(req).then(
        (body) => {
          tamper = body && Object.keys(body).length > 0 ? body : null;
          res.writeHead(204).end();
        },
        () => res.writeHead(400).end(),
      );
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    addAccount,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
