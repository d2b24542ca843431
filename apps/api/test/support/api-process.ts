import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** A port nobody is listening on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  base: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  /** Resolves with the exit code once it has exited. */
  exited: () => Promise<number | null>;
  /** SIGKILL if still running. */
  kill: () => void;
  /** SIGTERM and wait for the exit (SIGKILL after 15 s). */
  stop: () => Promise<void>;
}

/**
 * The API as its own operating-system process (from source, through swc), the way a deployment runs it: for what
 * only a real process shows — signals, and several instances on one database. Resolves once it answers.
 */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      WEB_DIST_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = () =>
    new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
    );
  for (let i = 0; ; i += 1) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 600 || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`the API did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    process: child,
    output: () => output,
    exited,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited();
      clearTimeout(timer);
    },
  };
}
