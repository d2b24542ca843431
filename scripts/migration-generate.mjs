// `npm run migration:generate -- Name`: applies the checked-in migrations to a scratch database, then asks TypeORM
// for the difference between them and the entities, written to apps/api/src/migrations/<timestamp>-Name.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase, dropDatabase, startPostgres } from './lib/postgres.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('Usage: npm run migration:generate -- NameInPascalCase');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await startPostgres({
  dataDir: path.join(root, 'tmp/migration-postgres'),
  port: 54333,
  database: 'postgres',
  quiet: true,
});
const url = await createScratchDatabase(server.url, 'ccc_migration');
const typeorm = (...args) =>
  spawnSync(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'node_modules/typeorm/cli.js',
      ...args,
      '-d',
      'apps/api/src/database/cli-data-source.ts',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url, SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json' },
    },
  ).status;
let status = typeorm('migration:run');
if (status === 0) status = typeorm('migration:generate', `apps/api/src/migrations/${name}`);
await dropDatabase(url);
await server.stop();
if (status === 0) console.log('Now list the new class in apps/api/src/migrations/index.ts.');
process.exit(status ?? 1);
