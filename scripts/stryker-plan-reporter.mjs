// @ts-check
/**
 * A Stryker reporter that prints the test plan before any mutant runs: per file, how many
 * mutants will run, how many are "static" (reached outside any test, so every test of the
 * scope runs for each), and the estimated net test time. A rise in static mutants makes a run
 * hours longer: see coverage.spec.ts's memoPerStrykerTest and the README.
 */
import { commonTokens, declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

class PlanSummaryReporter {
  static inject = /** @type {const} */ ([commonTokens.logger]);

  /** @param {import('@stryker-mutator/api/logging').Logger} logger */
  constructor(logger) {
    this.logger = logger;
  }

  /** @param {import('@stryker-mutator/api/report').MutationTestingPlanReadyEvent} event */
  onMutationTestingPlanReady({ mutantPlans }) {
    /** @type {Map<string, { run: number; static: number; early: number; ms: number }>} */
    const byFile = new Map();
    for (const plan of mutantPlans) {
      const row = byFile.get(plan.mutant.fileName) ?? { run: 0, static: 0, early: 0, ms: 0 };
      byFile.set(plan.mutant.fileName, row);
      if (plan.mutant.static) row.static += 1;
      if (plan.plan === 'Run') {
        row.run += 1;
        row.ms += plan.netTime;
      } else row.early += 1;
    }
    const cwd = process.cwd();
    const lines = [...byFile].map(
      ([file, r]) =>
        `  ${file.startsWith(cwd) ? file.slice(cwd.length + 1) : file}: ${r.run} to run, ${r.early} known already, ` +
        `${r.static} static, ~${Math.round(r.ms / 1000)} s of tests`,
    );
    const total = [...byFile.values()].reduce(
      (t, r) => ({ run: t.run + r.run, static: t.static + r.static, ms: t.ms + r.ms }),
      { run: 0, static: 0, ms: 0 },
    );
    this.logger.info(
      `Plan: ${total.run} mutants to run, ${total.static} static, ` +
        `~${Math.round(total.ms / 60000)} min of net test time (before checker and overhead)\n` +
        lines.join('\n'),
    );
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.Reporter, 'plan-summary', PlanSummaryReporter),
];
