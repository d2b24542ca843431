// `npm run backup -- <file>`: a backup of the database in pg_dump's custom format. The database is the one
// DATABASE_URL names, or else the embedded one that `npm start` uses (started for the occasion if need be).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backup } from './lib/backup.mjs';
import { startPostgres } from './lib/postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run backup -- <file>   (e.g. backups/ccc-2026-11-25.dump)');
  process.exit(2);
}
const postgres = await startPostgres({
  dataDir: process.env.EMBEDDED_PG_DIR ?? path.join(root, '.data/postgres'),
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  database: 'ccc_programme',
  quiet: true,
});
try {
  await backup(postgres.url, path.resolve(file));
  console.log(`Backup written to ${path.resolve(file)}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await postgres.stop();
}
