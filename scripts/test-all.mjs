// `npm test`: every check and every test, in the order that fails fastest. Unit tests first, then the API over
// HTTP on a real PostgreSQL (embedded, or DATABASE_URL's), then the SPA in Chromium against the built product.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'tmp/test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

function run(title, command, args) {
  const started = Date.now();
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n${title} failed after ${seconds}s`);
    summarise();
    process.exit(result.status ?? 1);
  }
  console.log(`--- ${title}: ok (${seconds}s)`);
}

const nx = (...args) => ['nx', ...args, '--skip-nx-cache', '--outputStyle=stream'];
const jestTarget = (project, target = 'test') =>
  run(
    `${project}:${target}`,
    'npx',
    nx('run', `${project}:${target}`, '--json', `--outputFile=${path.join(results, `${project}-${target}.json`)}`),
  );

/** One closing line for all the jest runs: "Tests: N passed, N failed". */
function summarise() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const file of readdirSync(results).filter((name) => name.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(path.join(results, file), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests;
  }
  console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

run('format', 'npx', ['prettier', '--check', '.']);
run('lint', 'npx', nx('run-many', '-t', 'lint'));
run('lint (scripts, bench, root config)', 'npx', [
  'eslint',
  'scripts',
  'bench',
  'eslint.config.mjs',
  'jest.preset.cjs',
]);
run('typecheck (strict)', 'npx', nx('run-many', '-t', 'typecheck'));
for (const project of ['programme', 'contracts', 'api', 'web']) jestTarget(project);
jestTarget('api', 'e2e');
run('build', 'npx', nx('run-many', '-t', 'build', '--projects=programme,contracts,api,web'));
jestTarget('web-e2e');
summarise();
