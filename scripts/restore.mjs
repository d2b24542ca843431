// `npm run restore -- <file> <database-url>`: restores a backup made by `npm run backup` into a new, empty
// database (created if missing), in one transaction. Then point the API's DATABASE_URL at it. Restoring into a new
// database, never over the live one, means a bad backup cannot cost the data you still have.
import path from 'node:path';
import pg from 'pg';
import { restore } from './lib/backup.mjs';
import { ensureDatabase } from './lib/postgres.mjs';

const [file, url] = process.argv.slice(2);
if (!file || !url) {
  console.error('Usage: npm run restore -- <file> <database-url of a new, empty database>');
  process.exit(2);
}
try {
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  await client.end();
  if (rows[0].n > 0) throw new Error('the target database is not empty: restore into a new database');
  await restore(url, path.resolve(file));
  console.log(`Restored ${path.resolve(file)} into ${new URL(url).pathname.slice(1)}`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
