import path from 'node:path';
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * SPA features do not reach into each other: a file under apps/web/src/features/<a>/ imports another feature <b>
 * only through its public face (features/<b>/index.ts), and shared code (app aside) imports no feature at all.
 * (eslint-plugin-import's no-restricted-paths is not installed; this is the same check for relative imports.)
 */
const FEATURES = path.join(import.meta.dirname, 'apps/web/src/features');
const featureOf = (file) => {
  const rel = path.relative(FEATURES, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
};
const featureBoundaries = {
  meta: { type: 'problem', schema: [], messages: { internal: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const own = featureOf(file);
    // The app (routes, layout) composes the features and may reach any page; everything else is checked.
    if (own === null && file.includes(`${path.sep}src${path.sep}app${path.sep}`)) return {};
    const sharedCode = own === null;
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec);
      const other = featureOf(target);
      if (other === null || other === own) return;
      if (sharedCode)
        context.report({
          node,
          messageId: 'internal',
          data: { why: `Shared code must not import the ${other} feature` },
        });
      else if (path.relative(path.join(FEATURES, other), target) !== '')
        context.report({
          node,
          messageId: 'internal',
          data: { why: `Import the ${other} feature through its index (features/${other}), not its internals` },
        });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp', '**/.data', 'apps/api/src/migrations/*-*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      // Arrows go one way: apps -> libs, never lib -> app, never web -> api (Nx also refuses any import of an
      // application project). The API's HTTP tests live inside the API project (apps/api/test) for that reason.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:web', notDependOnLibsWithTags: ['scope:api'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Type-aware checks where a type is known: a promise nobody awaits or hands to a void slot loses its error, and
    // a switch over a union must name every member (a new state then fails lint, not a user).
    files: ['apps/api/**/*.ts', 'apps/web/**/*.ts', 'apps/web/**/*.tsx', 'libs/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: [
          'apps/api/tsconfig.spec.json',
          'apps/web/tsconfig.json',
          'libs/programme/tsconfig.spec.json',
          'libs/contracts/tsconfig.spec.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    // No non-null assertions in the API (#23): a relation its loader joined is in the loader's type
    // (`Loaded<T, K>`), and a row or an entry that is always there is checked once where it is read (`oneRow`,
    // `lookup`, `itemAt`, `insertedId`: common/one-row.ts, common/lookup.ts), a 500 if it is not.
    files: ['apps/api/src/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // Not clean yet: take a folder (or file) off this list in the change that brings it to zero.
    files: [
      'apps/api/src/{demo-data,drafts,links,notifications,people,privacy,release-time,retention,sessions,subject-access}/**/*.ts',
      'apps/api/src/competencies/evidence.service.ts',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, ccc: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: { ...reactHooks.configs.recommended.rules, 'ccc/feature-boundaries': 'error' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        globalThis: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
  },
  prettier,
);
