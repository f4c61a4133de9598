import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { sleep } from '../../support/wait';

const ROOT = path.resolve(__dirname, '../../..');
export const API_ENTRY = path.join(ROOT, 'dist/apps/api/src/main.js');

/** Keeps the tail of a process's output: outages make it chatty. */
export class OutputTail {
  private text = '';

  constructor(private readonly limit = 256 * 1024) {}

  append(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit / 2);
  }

  toString(): string {
    return this.text;
  }
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: OutputTail;
  alive(): boolean;
  stop(): Promise<void>;
}

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

/** The compiled API (`npm run build`), as its own process, ready once /health answers 200. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run npm run build`);
  const port = await freePort();
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = new OutputTail();
  child.stdout?.on('data', (chunk: Buffer) => output.append(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.append(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const api: ApiProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output,
    alive,
    async stop() {
      if (!alive()) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(forced);
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!alive()) throw new Error(`the API exited while starting:\n${output.toString()}`);
    try {
      const res = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return api;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await api.stop();
      throw new Error(`the API did not become healthy:\n${output.toString()}`);
    }
    await sleep(100);
  }
}
