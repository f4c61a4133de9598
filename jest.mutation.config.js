/**
 * The jest run Stryker uses (stryker.config.mjs): the project's config, narrowed to the specs of
 * the mutation scope (MUTATION_TESTS, set by the Stryker config) so a mutant never waits for the
 * end-to-end suites.
 */
const path = require('node:path');
const base = require('./jest.config.js');

// Stryker calls jest once per mutant, and jest runs its global hooks each time: the templates
// would be migrated and dropped per mutant. Stryker's run owns them instead (stryker.config.mjs
// starts it, scripts/stryker-test-databases.mjs drops them when the run ends).
const { globalSetup, globalTeardown, ...rest } = base;

module.exports = {
  ...rest,
  // Skips the rest of a mutant run once a test failed (the mutant is killed): see the file.
  testEnvironment: path.join(__dirname, 'scripts/jest-bail-environment.js'),
  testMatch: JSON.parse(process.env.MUTATION_TESTS ?? '["<rootDir>/libs/workflow/**/*.spec.ts"]'),
};
