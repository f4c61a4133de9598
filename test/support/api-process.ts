import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { GENEROUS_LIMITS } from './limits';

const ROOT = path.resolve(__dirname, '../..');
export const API_ENTRY = path.join(ROOT, 'dist/apps/api/src/main.js');

/** What apps/api/src/main.ts logs once it accepts requests. */
// The API's start line names the address it bound (HOST: 127.0.0.1 outside production).
const LISTENING = 'listening on http://';

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  /** Resolves once the API listens; fails if it exits first. */
  listening(timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  kill(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (also useful as a port nothing listens on). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the compiled API (`npm run build` first) as its own process on a free port. */
export async function startApiProcess(
  env: Record<string, string>,
  /** Node's own flags (`--cpu-prof`, which NODE_OPTIONS does not take). */
  nodeArgs: readonly string[] = [],
): Promise<ApiProcess> {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run npm run build`);
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, [...nodeArgs, API_ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      JWT_SECRET: 'test-secret-test-secret-test-secret',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'admin-password',
      ...GENEROUS_LIMITS,
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    async listening(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(LISTENING)) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`the API exited while booting:\n${output}`);
        }
        if (Date.now() > deadline) throw new Error(`the API did not listen in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
