// @ts-check
/**
 * Mutation testing of the rules that keep cases safe (npm run test:mutation). Two scopes, run
 * one after the other so each stays small on a 2-core machine:
 *
 * - workflow: the pure statechart (machine, actions, rules, access, timers, triage), against
 *   the workflow's own unit specs;
 * - core: the transition path, the dispute view's masking, jurisdiction, the audit chain and
 *   timer firing, against libs/core's unit specs and the database-backed specs in test/core
 *   (real PostgreSQL and Redis, as every integration test here).
 *
 * MUTATION_SCOPE picks the scope (default workflow); MUTATION_UNIT_ONLY=1 leaves out the database
 * specs (test/), for a quick look at the pure files. Results are kept incrementally in
 * reports/mutation/<scope>.incremental.json (committed), so a rerun only tests the mutants
 * whose code or tests changed.
 */
import { beginTestDatabaseRun } from './scripts/stryker-test-databases.mjs';

const scope = process.env.MUTATION_SCOPE ?? 'workflow';

/**
 * tsconfig: what the TypeScript checker compiles for each mutant group; the scope's lib and its
 * specs (their imports come along), not the whole repository, whose compile took 5 minutes
 * before each run on a loaded machine.
 * @type {Record<string, { mutate: string[]; tests: string[]; tsconfig: string }>}
 */
const SCOPES = {
  workflow: {
    mutate: [
      'libs/workflow/src/machine.ts',
      'libs/workflow/src/actions.ts',
      'libs/workflow/src/rules.ts',
      'libs/workflow/src/access.ts',
      'libs/workflow/src/timers.ts',
      'libs/workflow/src/triage/**/*.ts',
      '!libs/workflow/src/**/*.spec.ts',
    ],
    tests: ['<rootDir>/libs/workflow/**/*.spec.ts'],
    tsconfig: 'tsconfig.mutation-workflow.json',
  },
  core: {
    mutate: [
      'libs/core/src/disputes/send-event.service.ts',
      'libs/core/src/disputes/dispute-view.ts',
      'libs/core/src/jurisdiction/jurisdiction.service.ts',
      'libs/core/src/disputes/audit-chain.ts',
      'libs/core/src/timers/timer-firing.service.ts',
    ],
    tests: ['<rootDir>/libs/core/**/*.spec.ts', '<rootDir>/test/core/**/*.spec.ts'],
    tsconfig: 'tsconfig.mutation-core.json',
  },
};
const chosen = SCOPES[scope];
if (!chosen) throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(SCOPES).join(', ')}`);
// MUTATION_SPECS (comma-separated globs from the repository root) narrows a run to the specs
// known to test the mutated lines: the dry run then skips the scope's other database specs
// (stats-rollup.spec.ts alone takes minutes). A narrower run can only score lower, never higher.
const tests = process.env.MUTATION_SPECS
  ? process.env.MUTATION_SPECS.split(',').map((glob) => `<rootDir>/${glob.trim()}`)
  : process.env.MUTATION_UNIT_ONLY
    ? chosen.tests.filter((t) => !t.startsWith('<rootDir>/test/'))
    : chosen.tests;
process.env.MUTATION_TESTS = JSON.stringify(tests);
// The database specs copy a migrated template rather than migrate (test/support/db-templates.cjs):
// built once for the whole Stryker run, dropped by the test-databases reporter at its end.
await beginTestDatabaseRun();

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutation.config.js',
    // Each mutant run loads only the spec files that import the mutated file (jest
    // --findRelatedTests), not every spec of the scope: loading them all cost minutes per mutant.
    // Per-test coverage still picks the tests within those files.
    enableFindRelatedTests: true,
  },
  checkers: ['typescript'],
  tsconfigFile: chosen.tsconfig,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: chosen.mutate,
  coverageAnalysis: 'perTest',
  // The machine is shared (2 cores, many agents), and the database specs share PostgreSQL.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: `reports/mutation/${scope}.incremental.json`,
  // plan-summary (scripts/stryker-plan-reporter.mjs): per file, mutants to run and how many are static.
  // test-databases (scripts/stryker-test-databases.mjs): drops the run's test templates at its end.
  plugins: [
    '@stryker-mutator/*',
    './scripts/stryker-plan-reporter.mjs',
    './scripts/stryker-test-databases.mjs',
  ],
  reporters: ['plan-summary', 'clear-text', 'progress', 'json', 'test-databases'],
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  // MUTATION_BREAK fails the run below that score (the changed-files CI job sets it).
  thresholds: {
    high: 85,
    low: 75,
    break: process.env.MUTATION_BREAK ? Number(process.env.MUTATION_BREAK) : null,
  },
  timeoutMS: 30000,
  // The dry run walks the statechart once per coverage.spec test (to attribute coverage per
  // test) and takes 4-6 minutes on a loaded machine: Stryker's 5-minute default fails it.
  dryRunTimeoutMinutes: 30,
  // .stryker-tmp*: another scope's run may be going on beside this one (MUTATION_SCOPE=core with
  // --tempDirName .stryker-tmp-core): its sandbox is not part of the project.
  // Anchored (leading /): unanchored, 'reports' also left libs/core/src/casefile/reports out of
  // the sandbox, and every spec importing @tricolor/core failed there.
  ignorePatterns: [
    '/dist',
    '/data',
    '/coverage',
    '/bench',
    '/docker',
    '/reports',
    '/.ci',
    '*.log',
    '.stryker-tmp*',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
