/** The fault suite's own jest run (npm run test:faults): the root config's transforms and paths. */
const root = require('../../jest.config.js');

module.exports = {
  ...root,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/faults/**/*.faults.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  // Each spec starts real processes and waits for timers of seconds.
  testTimeout: 120_000,
  maxWorkers: 1,
  // Its specs make their databases on the fault suite's own PostgreSQL (support/): no templates.
  globalSetup: undefined,
  globalTeardown: undefined,
};
