/** One jest run: unit specs beside the code, integration and e2e specs under test/. */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/(apps|libs)/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // The fault suite stops and restarts services: it runs on its own (npm run test:faults).
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/faults/',
    // Real processes under load: npm run test:scale, its own step in .ci/run.
    '<rootDir>/test/scale/',
    '<rootDir>/dist/',
  ],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    // NestJS 12 and some of its dependencies are ESM-only: see the transform's comment.
    '^.+\\.m?js$': '<rootDir>/test/support/esm-to-cjs.transform.js',
  },
  transformIgnorePatterns: [],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testTimeout: 30000,
  // One migrated PostgreSQL template and SQLite file per run, copied for each suite's database
  // (test/support/db-templates.cjs), and dropped when the run ends.
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
};
