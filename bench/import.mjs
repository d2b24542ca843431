// Benchmark: bulk import of people (issue #16, item 5). The built API in its own process on a scratch database
// (embedded PostgreSQL, or DATABASE_URL's server) with the demo data; a 1,000-row CSV (CCCs, PCN supervisors and
// Alliance supervisors over the demo PCNs) checked by the dry run and then imported, each on a fresh file, a few
// rounds. Prints the wall-clock time of each request as the client sees it.
// Run: npx nx run-many -t build --projects=programme,contracts,api && node bench/import.mjs
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createScratchDatabase, dropDatabase, startPostgres } from '../scripts/lib/postgres.mjs';
import { httpJson } from './lib/harness.mjs';

// Node's own FormData and Blob (the lint's list of .mjs globals is kept short).
const { FormData, Blob } = globalThis;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3413);
const base = `http://127.0.0.1:${PORT}`;

const server = await startPostgres({
  dataDir: path.join(root, 'tmp/bench-postgres'),
  port: 54332,
  database: 'postgres',
  quiet: true,
});
const url = await createScratchDatabase(server.url, 'ccc_bench_import');
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

/** A file of `ROWS` new people: 80% CCCs, 15% PCN supervisors, 5% Alliance supervisors, over the PCNs given. */
function peopleCsv(round, pcns) {
  const lines = ['full_name,email,role,pcn,employment_start'];
  for (let i = 0; i < ROWS; i++) {
    const pcn = pcns[i % pcns.length];
    const email = `bench.import.${round}.${i}@example.org`;
    if (i % 20 === 0) lines.push(`Bench Alliance ${round}-${i},${email},alliance_supervisor,,`);
    else if (i % 20 < 4) lines.push(`Bench Pcn ${round}-${i},${email},pcn_supervisor,${pcn},`);
    else lines.push(`Bench Ccc ${round}-${i},${email},ccc,${pcn},2026-0${1 + (i % 9)}-0${1 + (i % 9)}`);
  }
  return lines.join('\n');
}

async function upload(pathname, token, text) {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'people.csv');
  const started = performance.now();
  const res = await fetch(base + pathname, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.json();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`${pathname}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return { ms, body };
}

try {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { accessToken: admin } = await httpJson(`${base}/api/auth/login`, null, {
    method: 'POST',
    body: JSON.stringify({ email: 'admin@example.org', password: 'demo-password-1' }),
  });
  const organisations = await httpJson(`${base}/api/organisations`, admin);
  const pcns = organisations.filter((o) => o.kind === 'pcn').map((o) => o.name);
  const figures = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const file = peopleCsv(round, pcns);
    const dry = await upload('/api/people/imports/dry-run', admin, file);
    if (dry.body.counts.error) throw new Error(`dry run found problems: ${JSON.stringify(dry.body.problems[0])}`);
    const imported = await upload('/api/people/imports', admin, file);
    figures.push({
      round,
      rows: imported.body.counts.rows,
      'dry run ms': dry.ms.toFixed(0),
      'import ms': imported.ms.toFixed(0),
      'invitations queued': imported.body.counts.invite,
    });
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [{ n }] = (
    await client.query(`SELECT count(*)::int AS n FROM outbox_message WHERE to_email LIKE 'bench.import.%'`)
  ).rows;
  await client.end();
  console.log(
    `\nCCC Programme people import: ${ROWS}-row CSV, ${pcns.length} PCNs, PostgreSQL ${server.embedded ? 'embedded' : 'from DATABASE_URL'}; ${n} invitation e-mails in the outbox`,
  );
  console.table(figures);
} finally {
  await cleanup();
}
