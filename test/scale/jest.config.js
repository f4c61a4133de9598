/** The scale-out suite's own jest run (npm run test:scale): real processes, minutes of load. */
const root = require('../../jest.config.js');

module.exports = {
  ...root,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/scale/**/*.scale.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testTimeout: 300_000,
  maxWorkers: 1,
};
