// What every in-process benchmark needs: the built API loaded from dist/, started in this process on a scratch
// database (embedded PostgreSQL, or DATABASE_URL's server), migrated, with the demo data; a watchdog; cleanup
// whatever happens; HTTP helpers; and a description of the machine.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase, dropDatabase, startPostgres } from '../../scripts/lib/postgres.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist/apps/api/apps/api/src');
const require = createRequire(import.meta.url);

/** A module of the built API, by its path under apps/api/src (without the extension). */
export function builtApi(file) {
  return require(path.join(dist, `${file}.js`));
}

/** The built libs/programme (the same copy the built API uses). */
export function builtProgramme() {
  return require(path.join(root, 'dist/apps/api/libs/programme/src/index.js'));
}

/** One JSON request; throws with the status and body unless 2xx. */
export async function httpJson(url, token, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Counts the requests a server is still working on; the function returned waits until there are none (at most
 * three minutes), so that one row's leftovers never run into the next row.
 */
export function trackInFlight(server) {
  let inFlight = 0;
  server.prependListener('request', (_req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
  });
  return async () => {
    for (let waited = 0; inFlight > 0 && waited < 180_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  };
}

/** The machine the figures were measured on. */
export function machine({ version, embedded }) {
  const cpus = os.cpus();
  const facts = {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB (${(os.freemem() / 2 ** 30).toFixed(1)} GiB free at the end)`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
    node: process.version,
    postgres: `PostgreSQL ${version} ${embedded ? '(embedded, on this machine)' : '(DATABASE_URL)'}`,
  };
  return {
    facts,
    line: `${facts.cpu}; ${facts.memory}; Node ${facts.node}; ${facts.postgres}; load average ${facts.load} (1/5/15 min)`,
  };
}

/**
 * Runs `body(context)` against the built API started in this process, and returns the exit code: `body`'s, 1 on
 * an exception, 2 when the API is not built. Cleans up (the closers `body` registered, the app, the scratch
 * database, the embedded server) whatever happens, and gives up after `limitSeconds`.
 */
export async function runBench({ limitSeconds }, body) {
  // The app reads NODE_ENV itself (migration logging); the benchmark runs it as the tests do.
  process.env.NODE_ENV ??= 'test';
  if (!existsSync(path.join(dist, 'app.factory.js'))) {
    console.error(`No built API in ${dist}: run \`NX_DAEMON=false npx nx run api:build\` first.`);
    return 2;
  }
  const { createApp } = builtApi('app.factory');
  const { loadConfig } = builtApi('config');
  const { QueryCounter } = builtApi('database/query-counter');
  const { seedDemoData } = builtApi('demo-data/demo-data');
  const { EnrolmentCommands } = builtApi('enrolments/enrolment-commands.service');
  const { Clock } = builtApi('common/clock');
  const { londonDate } = builtProgramme();
  const { DataSource } = require('typeorm');

  const started = performance.now();
  const log = (message) =>
    console.log(`[bench ${`${((performance.now() - started) / 1000).toFixed(1)} s`.padStart(7)}] ${message}`);

  let server;
  let databaseUrl;
  let app;
  const closers = [];
  const cleanup = async () => {
    // Each step on its own: a failure in one must not leave the others undone.
    for (const close of closers.splice(0).reverse()) await close().catch((e) => console.error('cleanup:', e.message));
    if (app) await app.close().catch((e) => console.error('closing the app:', e.message));
    app = undefined;
    // BENCH_KEEP_DATABASE=1 leaves the seeded scratch database on DATABASE_URL's server, to EXPLAIN its statements.
    if (databaseUrl && process.env.BENCH_KEEP_DATABASE === '1' && !server?.embedded)
      console.log(`kept the scratch database: ${databaseUrl}`);
    else if (databaseUrl)
      await dropDatabase(databaseUrl).catch((e) => console.error('dropping the database:', e.message));
    databaseUrl = undefined;
    if (server) await server.stop().catch((e) => console.error('stopping PostgreSQL:', e.message));
    server = undefined;
  };
  // Bounded: whatever happens, give up after the limit (cleaning up first).
  const watchdog = setTimeout(async () => {
    console.error(`Benchmark exceeded ${limitSeconds} s; stopping.`);
    await cleanup();
    process.exit(1);
  }, limitSeconds * 1000);
  watchdog.unref();

  try {
    server = await startPostgres({
      dataDir: path.join(root, 'tmp/bench-postgres'),
      port: 54332,
      database: 'postgres',
      quiet: true,
    });
    databaseUrl = await createScratchDatabase(server.url, 'ccc_bench');
    log(
      `PostgreSQL ${server.embedded ? 'embedded' : 'from DATABASE_URL'}; scratch database ${new URL(databaseUrl).pathname.slice(1)}`,
    );
    app = await createApp(loadConfig({ ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test' }), {
      logger: ['error'],
    });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    const db = app.get(DataSource);
    const counter = app.get(QueryCounter);
    // TypeORM's slow-query warnings (over 500 ms, timed on the API side, so including any wait for a busy event
    // loop) are collected for a summary instead of printed one by one.
    const slowQueries = new Map();
    counter.logQuerySlow = (ms, query) => {
      const key = query.replace(/\s+/g, ' ').slice(0, 90);
      const seen = slowQueries.get(key) ?? { count: 0, maxMs: 0 };
      slowQueries.set(key, { count: seen.count + 1, maxMs: Math.max(seen.maxMs, ms) });
    };
    const drained = trackInFlight(app.getHttpServer());
    await db.runMigrations({ transaction: 'each' });
    const { created } = await seedDemoData(db, app.get(EnrolmentCommands), londonDate(app.get(Clock).now()));
    if (!created) throw new Error('the scratch database was not empty');
    const [{ server_version: version }] = await db.query('SHOW server_version');
    log(`API listening on ${base}; migrated; demo data loaded`);

    const call = (pathname, token, init) => httpJson(base + pathname, token, init);
    return await body({
      app,
      db,
      counter,
      base,
      databaseUrl,
      log,
      drained,
      call,
      login: async (email) =>
        (
          await call('/api/auth/login', null, {
            method: 'POST',
            body: JSON.stringify({ email, password: 'demo-password-1' }),
          })
        ).accessToken,
      /** One request; the SQL statements it cost (nothing else runs meanwhile) and its body. */
      counted: async (pathname, token) => {
        const before = counter.total;
        const responseBody = await call(pathname, token);
        return { queries: counter.total - before, body: responseBody };
      },
      postgres: { version, embedded: server.embedded },
      onCleanup: (close) => closers.push(close),
      /** Forgets the slow statements so far (the seeding's), so that the summary is about the load. */
      clearSlowQueries: () => slowQueries.clear(),
      printSlowQueries: () => {
        if (slowQueries.size === 0) return;
        console.log(
          '\nStatements TypeORM timed at over 500 ms (API-side time, including waits for the busy event loop)',
        );
        console.table([...slowQueries].map(([query, s]) => ({ query, times: s.count, 'max ms': s.maxMs })));
      },
    });
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}
