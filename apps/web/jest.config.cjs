// Unit tests of the SPA's pure helpers (formatting, labels, routing decisions); the browser tests live in apps/web-e2e.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
