// `npm start`: PostgreSQL (embedded, or DATABASE_URL's), then the built API, which migrates, loads the demo data
// into an empty database and serves the SPA and the API on one port. `--seed-only` migrates and seeds, then exits.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalOidcProvider } from './lib/oidc-provider.mjs';
import { startPostgres } from './lib/postgres.mjs';
import { keptSecret } from './lib/secrets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiDir = path.join(root, 'dist/apps/api/apps/api/src');
const seedOnly = process.argv.includes('--seed-only');
const port = Number(process.env.PORT ?? 3000);

const postgres = await startPostgres({
  dataDir: process.env.EMBEDDED_PG_DIR ?? path.join(root, '.data/postgres'),
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  database: 'ccc_programme',
  quiet: true,
});
console.log(
  postgres.embedded
    ? `Embedded PostgreSQL running (data in .data/postgres)`
    : 'Using the PostgreSQL server named by DATABASE_URL',
);

// The audit checkpoints' key must not live in the database (nor its backups): made once and kept with the data
// (.data/audit-key, this user only), unless AUDIT_KEY is given.
function auditKey() {
  if (process.env.AUDIT_KEY) return process.env.AUDIT_KEY;
  const file = path.join(root, '.data/audit-key');
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

// "Sign in with NHSmail" for the demo: a local OpenID provider (oidc-provider) with the demo people as its accounts
// (its sign-in page takes any password), which the demo Alliance is pointed at. OIDC_DEMO=false leaves it out.
const require = createRequire(import.meta.url);
const demoData = () => require(path.join(apiDir, 'demo-data/demo-data.js'));
const publicUrl = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
const demoSso = {};
let oidc = null;
if (!seedOnly && process.env.OIDC_DEMO !== 'false' && (process.env.SEED_DEMO_DATA ?? 'true') === 'true') {
  const clientSecret = randomBytes(24).toString('hex');
  oidc = await startLocalOidcProvider({
    port: Number(process.env.OIDC_DEMO_PORT ?? port + 1),
    accounts: demoData().DEMO_LOGINS.map(({ email, name }) => ({ email, name })),
    clients: [
      {
        client_id: 'ccc-demo',
        client_secret: clientSecret,
        redirect_uris: [`${publicUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${publicUrl}/sign-in`],
      },
    ],
  });
  Object.assign(demoSso, {
    DEMO_OIDC_ISSUER: oidc.issuer,
    DEMO_OIDC_CLIENT_ID: 'ccc-demo',
    OIDC_WESSEX_CLIENT_SECRET: clientSecret,
  });
  console.log(`Local OpenID provider (for "Sign in with NHSmail") at ${oidc.issuer}`);
}

const api = spawn(process.execPath, [path.join(apiDir, seedOnly ? 'seed.js' : 'main.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: postgres.url,
    // The access tokens' signing secret: made once and kept with the data (.data), unless JWT_SECRET is given.
    JWT_SECRET: process.env.JWT_SECRET || keptSecret(path.join(root, '.data/jwt-secret')),
    AUDIT_KEY: auditKey(),
    PORT: String(port),
    SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? path.join(root, 'dist/apps/web'),
    ...demoSso,
  },
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null) api.kill('SIGTERM');
  await oidc?.close();
  await postgres.stop();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
api.on('exit', (code) => stop(code ?? 0));

if (!seedOnly) {
  // Once the API answers, show where to go and who to be.
  const { DEMO_LOGINS, DEMO_PASSWORD } = demoData();
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!stopping) {
    console.log(
      `\nOpen http://localhost:${port}  (API document: http://localhost:${port}/api/docs)\nDemo logins, password "${DEMO_PASSWORD}":`,
    );
    console.table(DEMO_LOGINS.map(({ role, email }) => ({ role, email })));
    if (oidc)
      console.log(
        'Or choose "Sign in with NHSmail" and type one of these e-mail addresses (any password) at the local provider.',
      );
  }
}
