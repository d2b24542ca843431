// `npm run api:types`: regenerates the API contract from the code, in three steps, without a running server:
//  1. apps/api/src/common/answer-schemas.json — each operation's answer schema, from its controller's return type;
//  2. docs/openapi.json — the OpenAPI document the API serves at /api/docs-json (built by the real app on a scratch
//     database, by the OpenAPI test with API_CONTRACT=write);
//  3. apps/web/src/lib/api-types.ts — the SPA's types, generated from that document by openapi-typescript.
// The OpenAPI test fails when any of the three checked-in files is stale.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args, env = {}) => {
  const { status } = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.spec.json', ...env },
  });
  if (status !== 0) process.exit(status ?? 1);
};
run(['-r', '@swc-node/register', 'apps/api/test/support/write-answer-schemas.ts']);
run(
  [
    'node_modules/jest/bin/jest.js',
    '-c',
    'apps/api/jest.e2e.config.cjs',
    '--runInBand',
    'apps/api/test/openapi.e2e-spec.ts',
    '-t',
    'checked-in',
  ],
  { API_CONTRACT: 'write' },
);
