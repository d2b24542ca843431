// API tests over HTTP against a real PostgreSQL: the embedded server, or the one DATABASE_URL names.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.mjs',
  testTimeout: 30000,
};
