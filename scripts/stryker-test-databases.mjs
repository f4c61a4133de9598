// @ts-check
/**
 * The migrated test templates (test/support/db-templates.cjs) for a Stryker run: Stryker runs
 * jest once per mutant, so the run, not each jest call, owns them. Loading this plugin (from
 * stryker.config.mjs) starts the run in this process, whose environment the test runners inherit;
 * the `test-databases` reporter drops the templates when the run ends.
 */
import { createRequire } from 'node:module';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';

const templates = createRequire(import.meta.url)('../test/support/db-templates.cjs');

/** Starts the run (and drops what dead runs left behind) before any test runner starts. */
export async function beginTestDatabaseRun() {
  await templates.beginRun();
}

class TestDatabasesReporter {
  async wrapUp() {
    await templates.endRun();
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.Reporter, 'test-databases', TestDatabasesReporter),
];
