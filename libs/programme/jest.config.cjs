module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'programme',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
