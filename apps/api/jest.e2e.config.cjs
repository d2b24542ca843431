// API tests over HTTP against a real PostgreSQL: the embedded server, or the one DATABASE_URL names.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'api-http',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // Every answer a test receives is checked against the OpenAPI document; a mismatch fails that test.
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-setup.ts'],
  testTimeout: 30000,
};
