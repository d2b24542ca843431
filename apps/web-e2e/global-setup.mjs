// Starts PostgreSQL (DATABASE_URL's server, else an embedded one), makes a scratch database, and runs the built API
// on it with the demo data and the built SPA. The tests read the address from WEB_E2E_BASE_URL and the scratch
// database's URL from WEB_E2E_DATABASE_URL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { startLocalOidcProvider } from '../../scripts/lib/oidc-provider.mjs';
import { createScratchDatabase, freePort, startPostgres } from '../../scripts/lib/postgres.mjs';
import globalTeardown from './global-teardown.mjs';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const API_MAIN = path.join(workspaceRoot, 'dist/apps/api/apps/api/src/main.js');
const WEB_DIST = path.join(workspaceRoot, 'dist/apps/web');
const STARTUP_TIMEOUT_MS = 60_000;
const MAX_LOG_CHARS = 20_000;

export default async function globalSetup() {
  for (const [what, file] of [
    ['the API', API_MAIN],
    ['the SPA', path.join(WEB_DIST, 'index.html')],
  ]) {
    if (!existsSync(file)) {
      throw new Error(
        `${what} is not built (${path.relative(workspaceRoot, file)} is missing): run "npx nx run-many -t build -p api web" first`,
      );
    }
  }

  const state = { postgres: null, databaseUrl: null, api: null, oidc: null };
  globalThis.__WEB_E2E__ = state;
  try {
    await start(state);
  } catch (error) {
    // Jest skips the teardown when the setup fails, so clean up here.
    await globalTeardown();
    throw error;
  }
}

async function start(state) {
  // Free ports, so that two checkouts can run their tests at once.
  const API_PORT = Number(process.env.WEB_E2E_API_PORT ?? (await freePort()));
  state.postgres = await startPostgres({
    dataDir: path.join(workspaceRoot, 'tmp/web-e2e-postgres'),
    port: await freePort(),
    database: 'ccc_web_e2e',
    quiet: true,
  });
  state.databaseUrl = await createScratchDatabase(state.postgres.url, 'ccc_web_e2e');

  // The local OpenID provider the demo Alliance signs in with ("Sign in with NHSmail"), as `npm start` runs it. The
  // API's public address is http://localhost:<port> (its default), so the single sign-on test browses there.
  const oidcSecret = randomBytes(24).toString('hex');
  const demoPeople = [
    'admin@example.org',
    'alliance.supervisor@example.org',
    'pcn.supervisor@example.org',
    'ccc@example.org',
  ];
  state.oidc = await startLocalOidcProvider({
    accounts: [...demoPeople.map((email) => ({ email })), { email: 'not.invited@example.org' }],
    clients: [
      {
        client_id: 'ccc-web-e2e',
        client_secret: oidcSecret,
        redirect_uris: [`http://localhost:${API_PORT}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`http://localhost:${API_PORT}/sign-in`],
      },
    ],
  });

  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
  };
  const api = spawn(process.execPath, [API_MAIN], {
    cwd: workspaceRoot,
    env: {
      ...process.env,
      DATABASE_URL: state.databaseUrl,
      PORT: String(API_PORT),
      SEED_DEMO_DATA: 'true',
      WEB_DIST_DIR: WEB_DIST,
      NODE_ENV: 'test',
      DEMO_OIDC_ISSUER: state.oidc.issuer,
      DEMO_OIDC_CLIENT_ID: 'ccc-web-e2e',
      OIDC_WESSEX_CLIENT_SECRET: oidcSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  state.api = api;
  api.stdout.on('data', keep);
  api.stderr.on('data', keep);
  let exited = null;
  api.once('exit', (code, signal) => {
    exited = { code, signal };
  });

  const baseUrl = `http://127.0.0.1:${API_PORT}`;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exited) {
      throw new Error(
        `The API exited during start-up (code ${exited.code}, signal ${exited.signal}). Its output:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The API did not answer GET /api/health with 200 within ${STARTUP_TIMEOUT_MS / 1000} s. Its output:\n${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  process.env.WEB_E2E_BASE_URL = baseUrl;
  // For tests that read what the API only writes to the database, e.g. the e-mails waiting in outbox_message.
  process.env.WEB_E2E_DATABASE_URL = state.databaseUrl;
  if (process.env.WEB_E2E_VERBOSE) process.stdout.write(`\n[web-e2e] API ready at ${baseUrl}\n${output}\n`);
}
