import 'reflect-metadata';
import { cleanupAll } from './infra';
import { log, withTimeCap } from './measure';
import { machineInfo, writeReport, type BenchReport } from './report';
import { readSettings, type Stage } from './settings';
import { runMemory } from './stages/memory';
import { runScale } from './stages/scale';
import { runTimers } from './stages/timers';
import { runTransitions } from './stages/transitions';

async function main(): Promise<void> {
  const settings = readSettings();
  const startedAt = new Date();
  const report: BenchReport = {
    date: startedAt.toISOString(),
    quick: settings.quick,
    machine: await machineInfo(),
    transitions: [],
    errors: [],
  };
  const stage = async <T>(name: Stage, work: () => Promise<T>): Promise<T | undefined> => {
    if (!settings.stages.has(name)) return undefined;
    log(`stage ${name}`);
    const t0 = Date.now();
    try {
      return await withTimeCap(name, settings.stageCapMs[name], work());
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      log(`stage ${name} failed: ${message}`);
      report.errors.push({ stage: name, message: (error as Error).message });
      // A stage that hit its cap may still hold resources: release them before the next one.
      await cleanupAll();
      return undefined;
    } finally {
      log(`stage ${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  };

  const pg = await stage('transitions-postgres', () => runTransitions('postgres', settings));
  if (pg) report.transitions.push(pg);
  const lite = await stage('transitions-sqlite', () => runTransitions('sqlite', settings));
  if (lite) report.transitions.push(lite);
  const timers = await stage('timers', () => runTimers(settings));
  if (timers) report.timers = timers;
  const scale = await stage('scale', () => runScale(settings));
  if (scale) report.scale = scale;
  const memory = await stage('memory', () => runMemory(settings));
  if (memory) report.memory = memory;

  report.durationSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  writeReport(report, settings);
  if (report.errors.length > 0) process.exitCode = 1;
}

const stopOnSignal = (signal: NodeJS.Signals) => {
  log(`${signal}: cleaning up`);
  void cleanupAll().finally(() => process.exit(130));
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

main()
  .catch((error: Error) => {
    log(`failed: ${error.stack ?? error.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanupAll();
    // Library handles (ioredis reconnect timers, pools) must not keep a finished run alive.
    setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
  });
