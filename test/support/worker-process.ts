import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const WORKER_ENTRY = path.join(ROOT, 'dist/apps/worker/src/main.js');

/** What apps/worker/src/main.ts logs once it is up. */
const READY_LINE = 'timer worker started';

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves once the worker has booted (its 'timer worker started' line); fails if it exits. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGTERM and wait: the worker finishes the job in hand. */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Starts the compiled timer worker (`npm test` builds it first) as its own process. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: run npm run build`);
  const child = spawn(process.execPath, [WORKER_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async ready(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(READY_LINE)) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`the worker exited while booting:\n${output}`);
        }
        if (Date.now() > deadline) throw new Error(`the worker did not boot in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
