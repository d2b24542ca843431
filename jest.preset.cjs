// Shared jest settings: swc transpiles TypeScript (with decorator metadata for Nest), libs resolve to their sources.
const path = require('node:path');
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // openid-client and its two libraries are ESM-only: transpiled like our own code, since jest's module system cannot
  // require() ESM (Node itself can: the built API loads them natively).
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@ccc/programme$': path.join(__dirname, 'libs/programme/src/index.ts'),
    '^@ccc/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
  },
};
