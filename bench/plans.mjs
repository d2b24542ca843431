// Planning against execution time of the statements one request of each benchmark row runs (issue #17: "planning no
// longer costs more than execution"). Run the benchmark with the database kept and the statements written, then:
//
//   BENCH_KEEP_DATABASE=1 BENCH_STATEMENTS_FILE=tmp/statements.json BENCH_ONLY=none npm run bench
//   node bench/plans.mjs <the kept database's URL> tmp/statements.json [runs, 9]
//
// Each statement is EXPLAINed (ANALYZE, SUMMARY) with its recorded parameters `runs` times on one connection; the
// medians of PostgreSQL's own planning and execution times are printed, with each row's totals.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const [databaseUrl, file, runsText = '9'] = process.argv.slice(2);
if (!databaseUrl || !file) {
  console.error('usage: node bench/plans.mjs <database URL> <statements file> [runs]');
  process.exit(2);
}
const runs = Number(runsText);
const rows = JSON.parse(readFileSync(file, 'utf8'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
try {
  for (const [key, steps] of Object.entries(rows)) {
    let planning = 0;
    let execution = 0;
    for (const { query, parameters } of steps.flat(2)) {
      const plans = [];
      const executions = [];
      for (let i = 0; i < runs; i++) {
        const { rows: result } = await client.query(`EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON) ${query}`, parameters);
        const [plan] = result[0]['QUERY PLAN'];
        plans.push(plan['Planning Time']);
        executions.push(plan['Execution Time']);
      }
      planning += median(plans);
      execution += median(executions);
      console.log(
        `${key.padEnd(14)} plan ${median(plans).toFixed(3).padStart(7)} ms  run ${median(executions).toFixed(3).padStart(7)} ms  ` +
          query.replace(/\s+/g, ' ').trim().slice(0, 80),
      );
    }
    console.log(`${key.padEnd(14)} all: plan ${planning.toFixed(2)} ms, run ${execution.toFixed(2)} ms`);
  }
} finally {
  await client.end();
}
