/**
 * The test environment of Stryker's jest runs (jest.mutation.config.js): jest's node environment
 * that, during a mutant run, skips the rest of the run's tests once one has failed.
 *
 * Why: Stryker's jest runner cannot bail (its JEST_OVERRIDE_OPTIONS sets `bail: false`: jest does
 * not support it programmatically), so a mutant killed by its first test still ran every test
 * covering it. For actions.ts, whose code nearly every workflow test steps through, that was
 * hundreds of tests per killed mutant. A mutant is killed as soon as one test fails, so skipping
 * the tests after that failure cannot change any mutant's status; a surviving mutant (no
 * failure) still runs every test. This is Stryker's own default (`disableBail: false`).
 *
 * How: jest-circus announces `test_start` before it decides whether a test is skipped, so a test
 * marked `skip` there does not run (nor its beforeEach/afterEach). Stryker runs jest in band, so
 * this module is loaded once per test-runner process and its state spans the run's test files.
 * The active mutant's id (Stryker's env variable, set only for a mutant run) keys the state, so
 * the dry run (no mutant, every test must run for coverage) never skips and a new mutant run
 * starts afresh.
 */
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';
/** The mutant whose run has seen a failing test. */
let failedMutant;

class BailAfterFirstFailureEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    await super.handleTestEvent?.(event, state);
    const mutant = process.env[ACTIVE_MUTANT];
    if (mutant === undefined || process.env.MUTATION_NO_BAIL) return;
    if (event.name === 'test_start' && failedMutant === mutant) event.test.mode = 'skip';
    else if (event.name === 'test_done' && event.test.errors.length > 0) failedMutant = mutant;
  }
}

module.exports = BailAfterFirstFailureEnvironment;
