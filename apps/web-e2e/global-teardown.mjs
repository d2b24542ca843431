// Stops the API, drops the scratch database and stops the embedded PostgreSQL started by global-setup.mjs.
import { clearTimeout, setTimeout } from 'node:timers';
import { dropDatabase } from '../../scripts/lib/postgres.mjs';

function stopProcess(child, timeoutMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function globalTeardown() {
  const state = globalThis.__WEB_E2E__;
  if (!state) return;
  const problems = [];
  try {
    await stopProcess(state.api);
  } catch (error) {
    problems.push(`stopping the API: ${error}`);
  }
  try {
    await state.oidc?.close();
  } catch (error) {
    problems.push(`stopping the OpenID provider: ${error}`);
  }
  if (state.databaseUrl) {
    try {
      await dropDatabase(state.databaseUrl);
    } catch (error) {
      problems.push(`dropping ${state.databaseUrl}: ${error}`);
    }
  }
  try {
    await state.postgres?.stop();
  } catch (error) {
    problems.push(`stopping PostgreSQL: ${error}`);
  }
  globalThis.__WEB_E2E__ = undefined;
  if (problems.length) process.stderr.write(`[web-e2e] teardown problems:\n${problems.join('\n')}\n`);
}
