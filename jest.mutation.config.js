/**
 * The jest run Stryker uses (stryker.config.mjs): the project's config, narrowed to the specs of
 * the mutation scope (MUTATION_TESTS, set by the Stryker config) so a mutant never waits for the
 * end-to-end suites.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: JSON.parse(process.env.MUTATION_TESTS ?? '["<rootDir>/libs/workflow/**/*.spec.ts"]'),
};
