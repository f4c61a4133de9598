import { appendFileSync } from 'node:fs';
import type { WorkerProcess } from '../../support/worker-process';

/** Where each scenario's measurements go, one JSON line each (besides the console). */
export const METRICS_FILE = process.env.FAULTS_METRICS_FILE ?? '/tmp/tricolor-faults-metrics.jsonl';

export function report(scenario: string, measured: Record<string, unknown>): void {
  const line = JSON.stringify({ scenario, at: new Date().toISOString(), ...measured });
  appendFileSync(METRICS_FILE, `${line}\n`);
  console.log(`[faults] ${scenario}: ${JSON.stringify(measured, null, 2)}`);
}

export const isAlive = (w: WorkerProcess): boolean =>
  w.child.exitCode === null && w.child.signalCode === null;

/** Counts the lines of a process's output that match. */
export const countLines = (output: string, pattern: RegExp): number =>
  output.split('\n').filter((line) => pattern.test(line)).length;
