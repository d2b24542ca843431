// The servers measured, each in a process of its own, so that the figures of a row are that server's alone: its
// peak resident memory (RSS), its event-loop delay and its CPU time. Three kinds: `api`, the built API on the
// benchmark's database, as `node dist/.../main.js` would run it; `replay`, the bare-pg baseline (replay.mjs);
// `nest-floor`, the same replay served by NestJS with the production middleware (nest-floor.mjs).
// This file is both the module the benchmark imports and the child; the parent asks over IPC.
import { fork } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.argv[1] && path.resolve(process.argv[1]) === self && process.argv[2] === '--serve') {
  process.once('message', (options) =>
    serve(options).catch((error) => {
      console.error(error);
      process.exit(1);
    }),
  );
}

/** The child: starts its server, then answers reset / stats / drained / close. */
async function serve({ kind, databaseUrl, poolSize, plans }) {
  let base;
  let drained;
  let close;
  if (kind === 'api') {
    const { builtApi, trackInFlight } = await import('./harness.mjs');
    const { createApp } = builtApi('app.factory');
    const { loadConfig } = builtApi('config');
    const app = await createApp(loadConfig({ ...process.env, DATABASE_URL: databaseUrl }), { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    drained = trackInFlight(app.getHttpServer());
    close = () => app.close();
  } else if (kind === 'nest-floor') {
    const { builtApi } = await import('./harness.mjs');
    const { jwtSecret } = builtApi('config').loadConfig({ ...process.env, DATABASE_URL: databaseUrl });
    const { startNestFloorServer } = await import('./nest-floor.mjs');
    ({ base, drained, close } = await startNestFloorServer({ databaseUrl, poolSize, plans, jwtSecret }));
  } else {
    const { startReplayServer } = await import('./replay.mjs');
    const replay = await startReplayServer({ databaseUrl, poolSize, plans });
    ({ base, drained, close } = replay);
  }
  // Event-loop delay: how long a ready callback waited, sampled every 10 ms by a timer of Node's own.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let peakRss = 0;
  let cpu = process.cpuUsage();
  // RSS sampled by a timer: a blocked event loop delays the sample, not the memory it finds.
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));
  setInterval(sample, 25).unref();
  const reset = () => {
    delay.reset();
    peakRss = 0;
    sample();
    cpu = process.cpuUsage();
  };
  reset();
  process.on('message', async ({ id, type }) => {
    if (type === 'reset') reset();
    if (type === 'drained') await drained();
    if (type === 'close') await close();
    let answer = {};
    if (type === 'stats') {
      sample();
      const used = process.cpuUsage(cpu);
      answer = {
        peakRssMb: peakRss / 2 ** 20,
        delayP50Ms: delay.percentile(50) / 1e6,
        delayP99Ms: delay.percentile(99) / 1e6,
        delayMaxMs: delay.max / 1e6,
        cpuMs: (used.user + used.system) / 1000,
      };
    }
    process.send({ id, ...answer }, () => {
      if (type === 'close') process.exit(0);
    });
  });
  process.send({ id: 0, base });
}

/**
 * Starts a server in a child process: `{ kind: 'api' }` (the environment is the child's: `env` is added to this
 * process's) or `{ kind: 'replay' | 'nest-floor', poolSize, plans }`. Returns its base URL and pid, and reset() (forget the
 * peaks so far), stats() (peak RSS, event-loop delay p50/p99/max, CPU ms since the reset), drained() (no request
 * in flight) and close().
 */
export async function startServerProcess({ kind, databaseUrl, poolSize, plans, env = {} }) {
  const child = fork(self, ['--serve'], {
    env: { ...process.env, ...env },
    // BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=tmp/prof") profiles the API measured,
    // BENCH_REPLAY_NODE_ARGS the baseline.
    execArgv: ((kind === 'api' ? process.env.BENCH_API_NODE_ARGS : process.env.BENCH_REPLAY_NODE_ARGS) ?? '')
      .split(' ')
      .filter(Boolean),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Statement parameters may be Dates.
    serialization: 'advanced',
  });
  const pending = new Map();
  let next = 1;
  let exited = false;
  child.on('message', ({ id, ...answer }) => {
    pending.get(id)?.(answer);
    pending.delete(id);
  });
  const gone = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      for (const [, resolve] of pending) resolve({ error: `the ${kind} process exited (${code ?? signal})` });
      pending.clear();
      resolve();
    }),
  );
  const ask = (type) =>
    new Promise((resolve, reject) => {
      if (exited) return reject(new Error(`the ${kind} process has exited`));
      const id = next++;
      pending.set(id, (answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
      child.send({ id, type });
    });
  const ready = new Promise((resolve, reject) => {
    pending.set(0, (answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
  });
  child.send({ kind, databaseUrl, poolSize, plans });
  const { base } = await ready;
  return {
    base,
    pid: child.pid,
    reset: () => ask('reset'),
    stats: () => ask('stats'),
    drained: () => ask('drained').then(() => undefined),
    close: async () => {
      if (exited) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await ask('close').catch(() => undefined);
      await gone;
      clearTimeout(timer);
    },
  };
}
