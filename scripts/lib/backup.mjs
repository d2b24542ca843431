// Backup and restore with PostgreSQL's own tools (pg_dump's custom format, pg_restore), for scripts/backup.mjs,
// scripts/restore.mjs and the round-trip test. pg_dump must be at least the server's major version: it refuses a
// newer server, so that is checked first with a message that says what to install.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

function toolMajor(tool) {
  const run = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

export async function serverMajor(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT current_setting('server_version_num')::int AS n`);
    return Math.floor(rows[0].n / 10000);
  } finally {
    await client.end();
  }
}

/** Why pg_dump/pg_restore cannot work on this server from this machine, or null when they can. */
export async function toolsProblem(url) {
  const server = await serverMajor(url);
  for (const tool of ['pg_dump', 'pg_restore']) {
    const major = toolMajor(tool);
    if (major === null)
      return `${tool} is not installed: install the PostgreSQL ${server} client tools (Debian: postgresql-client-${server})`;
    if (major < server)
      return `${tool} ${major} cannot work with a PostgreSQL ${server} server: install the PostgreSQL ${server} client tools`;
  }
  return null;
}

function run(tool, args) {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} failed (exit ${result.status}):\n${result.stderr}`);
  return result;
}

/** A whole-database backup in pg_dump's custom format (compressed; restorable table by table). */
export async function backup(url, file) {
  const problem = await toolsProblem(url);
  if (problem) throw new Error(problem);
  run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`]);
}

/**
 * Restores a backup into the database `url`, which should be empty (a new database): in one transaction, so a
 * failed restore leaves nothing half-done.
 */
export async function restore(url, file) {
  const problem = await toolsProblem(url);
  if (problem) throw new Error(problem);
  run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    file,
  ]);
}
