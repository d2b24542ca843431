// The baseline: the SQL statements one API request ran, recorded from the API's own TypeORM logger, replayed by a
// plain node:http server through bare `pg`.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import pg from 'pg';
import { trackInFlight } from './harness.mjs';

/**
 * Records the statements of one request: `record(fn)` runs `fn` (nothing else may run meanwhile) and returns its
 * result as `body` with `steps`: the statements in the order sent, as a list of steps run one after the other; a
 * step holds the statements that were in flight together (a Promise.all in the API), each in a chain of the
 * statements its connection ran in turn. The text and parameters come from the API's logger (QueryCounter's
 * logQuery, wrapped); when each finished, from a TypeORM subscriber present only while recording.
 */
export function statementRecorder(db, counter) {
  const logQuery = counter.logQuery.bind(counter);
  let steps = null;
  const running = new Map();
  counter.logQuery = (query, parameters, runner) => {
    logQuery(query, parameters, runner);
    if (!steps) return;
    if (running.size === 0) steps.push(new Map());
    const step = steps.at(-1);
    if (!step.has(runner)) step.set(runner, []);
    step.get(runner).push({ query, parameters });
    running.set(runner, (running.get(runner) ?? 0) + 1);
  };
  const subscriber = {
    afterQuery: ({ queryRunner }) => {
      const left = (running.get(queryRunner) ?? 1) - 1;
      if (left > 0) running.set(queryRunner, left);
      else running.delete(queryRunner);
    },
  };
  return {
    async record(fn) {
      steps = [];
      running.clear();
      db.subscribers.push(subscriber);
      try {
        const body = await fn();
        const recorded = steps.map((step) => [...step.values()]);
        const transaction = recorded
          .flat(2)
          .find((s) => /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(s.query));
        if (transaction)
          throw new Error(`a recorded read ran a transaction (${transaction.query}); replay handles reads only`);
        return { body, steps: recorded };
      } finally {
        steps = null;
        db.subscribers.splice(db.subscribers.indexOf(subscriber), 1);
      }
    },
  };
}

/** Runs a plan's steps through `pool` (a step's chains at once, each chain's statements in turn on one connection): every statement's rows. */
export async function replayPlan(pool, steps) {
  const runChain = async (chain) => {
    if (chain.length === 1) return [await pool.query(chain[0].query, chain[0].parameters)];
    const client = await pool.connect();
    try {
      const results = [];
      for (const s of chain) results.push(await client.query(s.query, s.parameters));
      return results;
    } finally {
      client.release();
    }
  };
  const rows = [];
  for (const step of steps)
    for (const results of await Promise.all(step.map(runChain))) rows.push(...results.map((r) => r.rows));
  return rows;
}

/**
 * A plain HTTP server: GET on a path of `plans` runs that plan's steps through a pg.Pool of `poolSize` (a step's
 * chains at once, each chain's statements in turn on one connection) and answers every statement's rows as JSON.
 */
export async function startReplayServer({ databaseUrl, poolSize, plans }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = http.createServer(async (req, res) => {
    const steps = plans[req.url];
    if (!steps) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = JSON.stringify(await replayPlan(pool, steps));
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error.message));
    }
  });
  const drained = trackInFlight(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    drained,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
