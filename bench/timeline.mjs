// Benchmark: the built API on a real PostgreSQL (embedded, or DATABASE_URL's server), loaded with a cohort of
// 300+ CCCs. Prints latency figures for the reads people make every week. Bounded: a fixed number of requests.
// Run: npx nx run-many -t build && npm run bench:enrol
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createScratchDatabase, dropDatabase, startPostgres } from '../scripts/lib/postgres.mjs';
import { httpJson } from './lib/harness.mjs';
import { percentile } from './lib/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTRA_CCCS = Number(process.env.BENCH_CCCS ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3412);
const base = `http://127.0.0.1:${PORT}`;

const server = await startPostgres({
  dataDir: path.join(root, 'tmp/bench-postgres'),
  port: 54332,
  database: 'postgres',
  quiet: true,
});
const url = await createScratchDatabase(server.url, 'ccc_bench');
const api = spawn(process.execPath, [path.join(root, 'dist/apps/api/apps/api/src/main.js')], {
  env: { ...process.env, DATABASE_URL: url, PORT: String(PORT), SEED_DEMO_DATA: 'true', NODE_ENV: 'test' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function cleanup() {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await dropDatabase(url);
  await server.stop();
}

function call(pathname, { token, method = 'GET', body } = {}) {
  return httpJson(base + pathname, token, { method, body: body ? JSON.stringify(body) : undefined });
}

async function measure(label, count, fn) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    what: label,
    requests: count,
    'p50 ms': percentile(times, 0.5).toFixed(1),
    'p95 ms': percentile(times, 0.95).toFixed(1),
    'max ms': times.at(-1).toFixed(1),
  };
}

try {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const login = (email) => call('/api/auth/login', { method: 'POST', body: { email, password: 'demo-password-1' } });
  const admin = (await login('admin@example.org')).accessToken;
  const [cohort] = await call('/api/cohorts', { token: admin });
  // The extra CCCs join the demo Alliance supervisor Alex Carter's caseload, whose list is then measured.
  const sample = (await call('/api/enrolments', { token: admin })).find(
    (e) => e.allianceSupervisor?.fullName === 'Alex Carter',
  );

  // Extra CCCs straight into the database (no people API yet), then enrolled through the API like real ones.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    `WITH p AS (INSERT INTO person (email, full_name) SELECT 'bench.ccc.' || g || '@example.org', 'Bench CCC ' || g
       FROM generate_series(1, $1) g RETURNING id)
     INSERT INTO role_assignment (person_id, role, organisation_id) SELECT id, 'ccc', $2 FROM p RETURNING person_id`,
    [EXTRA_CCCS, sample.pcn.id],
  );
  await client.end();
  const enrol = await measure(`POST enrolment (creates ~21 sessions each)`, rows.length, (i) =>
    call(`/api/cohorts/${cohort.id}/enrolments`, {
      token: admin,
      method: 'POST',
      body: {
        cccId: rows[i].person_id,
        pcnId: sample.pcn.id,
        allianceSupervisorId: sample.allianceSupervisor.id,
        track: 'supervision',
        employmentStart: cohort.startDate,
      },
    }),
  );
  const ccc = (await login('ccc@example.org')).accessToken;
  const [own] = await call('/api/enrolments', { token: ccc });
  const supervisor = (await login('alliance.supervisor@example.org')).accessToken;
  const figures = [
    await measure('POST /api/auth/login (argon2id)', 20, () => login('ccc@example.org')),
    enrol,
    await measure('GET timeline as the CCC', 300, () => call(`/api/enrolments/${own.id}/timeline`, { token: ccc })),
    await measure(`GET /api/enrolments as the Alliance supervisor (${EXTRA_CCCS + 4} CCCs)`, 100, () =>
      call('/api/enrolments', { token: supervisor }),
    ),
    await measure(`GET /api/enrolments as admin (${EXTRA_CCCS + 6} CCCs)`, 100, () =>
      call('/api/enrolments', { token: admin }),
    ),
    await measure('GET /api/cohorts/:id', 200, () => call(`/api/cohorts/${cohort.id}`, { token: admin })),
  ];
  console.log(
    `\nCCC Programme API benchmark: one cohort, ${EXTRA_CCCS + 6} CCCs, PostgreSQL ${server.embedded ? 'embedded' : 'from DATABASE_URL'}, sequential requests`,
  );
  console.table(figures);
} finally {
  await cleanup();
}
