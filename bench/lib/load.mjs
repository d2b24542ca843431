// The load generator: one autocannon run per child process (so that it never shares the event loop of the server
// it measures); the result comes back over IPC. This file is both the module the benchmarks import and the child.
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.mjs';

const self = fileURLToPath(import.meta.url);

// The options come over IPC: a write path's targets are too many for the command line.
if (process.argv[1] && path.resolve(process.argv[1]) === self && process.argv[2] === '--load') {
  process.once('message', (options) => loadChild(options));
}

/**
 * `requests` (optional): targets { method, path, body, token? } taken in turn, for a write path that needs a
 * different target per request; otherwise every request is a GET of `url`.
 */
async function loadChild({ url, token, connections, amount, timeout, requests }) {
  const { default: autocannon } = await import('autocannon');
  const times = [];
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount,
        timeout,
        // debug: print the cause of any connection error.
        debug: true,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(requests ? { requests: spread(requests) } : {}),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    // autocannon reports p50/p90/p97.5/p99 but no p95: keep every 2xx response time to compute it exactly.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const report = {
    requestsPerSecond: result.duration > 0 ? result['2xx'] / result.duration : 0,
    seconds: result.duration,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times.at(-1) ?? NaN,
  };
  // Then the channel closes, and with it this process.
  process.send(report, () => process.disconnect());
}

/** Each request built takes the next target, whichever connection sends it: none is sent twice while there are enough. */
function spread(requests) {
  let next = 0;
  return [
    {
      setupRequest: (request) => {
        const target = requests[next++ % requests.length];
        return {
          ...request,
          method: target.method,
          path: target.path,
          body: JSON.stringify(target.body ?? {}),
          headers: { ...request.headers, ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
        };
      },
    },
  ];
}

/** One autocannon run in a child process. */
export function runLoad(options) {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['--load'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.send(options);
    let message;
    child.on('message', (m) => (message = m));
    child.on('error', reject);
    child.on('exit', (code) =>
      message ? resolve(message) : reject(new Error(`load generator exited with ${code} and no result`)),
    );
  });
}

/**
 * Sequential GETs of `url` from this process, one every `everyMs`, until `stop()`, which resolves to their
 * latencies (2xx, in ms, sorted) and the count of the others (non-2xx or failed).
 */
function probeLatency(url, everyMs = 100) {
  const times = [];
  let failed = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t = performance.now();
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        if (res.ok) times.push(performance.now() - t);
        else failed++;
      } catch {
        failed++;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return { times: times.sort((a, b) => a - b), failed };
    },
  };
}

/**
 * One row of figures: sequential warm-up requests for `warmupSeconds` (at least two; the first, cold, one not
 * counted), then a fixed number of requests at `connections`, sized from the warm-up so that the run lasts about
 * `seconds` but is never fewer than `minRequests`: a fixed count, unlike a fixed duration, leaves no request
 * half-done when the row ends. `drained` waits for the server's requests in flight before and after. For a
 * write path, `requests()` gives the targets left after the warm-up and `maxRequests()` how many may be sent.
 * With `probe` (a URL, the server's health check), that URL is also read from this process every 100 ms while the
 * load runs: `probeP99`, `probeMax`, `probes` and `probeFailed` say what a load balancer's check met meanwhile.
 */
export async function measureRow({
  url,
  token,
  once,
  connections,
  seconds,
  minRequests,
  warmupSeconds,
  drained,
  timeout = 60,
  requests,
  maxRequests,
  server,
  probe,
}) {
  const alone = [];
  let firstMs;
  // The peaks of the row include its warm-up (the first request may build what the others read).
  await server?.reset();
  const started = performance.now();
  for (let i = 0; i < 2 || (performance.now() - started < warmupSeconds * 1000 && i < 500); i++) {
    const t = performance.now();
    await once(i);
    if (i > 0) alone.push(performance.now() - t);
    else firstMs = performance.now() - t;
  }
  alone.sort((a, b) => a - b);
  const aloneMs = median(alone);
  const sized = Math.max(minRequests, Math.round((seconds * 1000) / aloneMs));
  const amount = maxRequests ? Math.min(maxRequests(), sized) : sized;
  await drained();
  // A server in a process of its own (server-process.mjs) reports its own CPU time, peak RSS and event-loop delay
  // over the run (the warm-up's left out). Otherwise the server runs in this process and the load generator in
  // another: this process's CPU time over the run is the server's (and the little this process does meanwhile).
  const cpuBefore = server ? (await server.stats()).cpuMs : 0;
  const postgresBefore = postgresTicks();
  const cpu = process.cpuUsage();
  const probing = probe ? probeLatency(probe) : null;
  const result = await runLoad({ url, token, connections, amount, timeout, requests: requests?.() });
  const probed = await probing?.stop();
  await drained();
  const { user, system } = process.cpuUsage(cpu);
  const postgresCpuMs = postgresCpuMsBetween(postgresBefore, postgresTicks());
  const stats = server ? await server.stats() : null;
  return {
    aloneMs,
    ...result,
    firstMs,
    cpuMsPerRequest: (stats ? stats.cpuMs - cpuBefore : (user + system) / 1000) / result.requests,
    postgresCpuMsPerRequest: postgresCpuMs === null ? null : postgresCpuMs / result.requests,
    peakRssMb: stats?.peakRssMb ?? null,
    delayP99Ms: stats?.delayP99Ms ?? null,
    delayMaxMs: stats?.delayMaxMs ?? null,
    failed: result.non2xx + result.errors + result.timeouts,
    probes: probed ? probed.times.length + probed.failed : null,
    probeP99: probed ? percentile(probed.times, 0.99) : null,
    probeMax: probed ? (probed.times.at(-1) ?? NaN) : null,
    probeFailed: probed?.failed ?? 0,
  };
}

/**
 * CPU time (ticks of 10 ms) of each PostgreSQL process on this machine by pid, from /proc: over a row, what the
 * server spent on its statements — the other half of a request's cost, which the API's own CPU time leaves out.
 * Null where /proc cannot tell (another OS; a remote server shows nothing).
 */
function postgresTicks() {
  try {
    const ticks = new Map();
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      } catch {
        continue; // gone meanwhile
      }
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      // After the command: state is field 3; utime and stime are fields 14 and 15.
      const fields = stat.slice(close + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    return ticks;
  } catch {
    return null;
  }
}

/** PostgreSQL's CPU ms between two readings: processes still there, and those started since (an ended one is lost). */
function postgresCpuMsBetween(before, after) {
  if (!before || !after || after.size === 0) return null;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks * 10;
}
