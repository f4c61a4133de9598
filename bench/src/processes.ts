import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { ChildMessage, ParentMessage } from './processes/child-control';
import { onCleanup } from './infra';

/** The compiled tree: this file is <out>/bench/src/processes.js. */
const ENTRY = {
  api: path.join(__dirname, 'processes', 'api-main.js'),
  worker: path.join(__dirname, 'processes', 'worker-main.js'),
};

export interface ChildHandle {
  name: string;
  pid: number;
  port: number | undefined;
  output(): string;
  /** Peak resident set (VmHWM) so far, from /proc; falls back to the child's own maxRSS. */
  peakRssBytes(): Promise<number>;
  rssBytes(): Promise<number>;
  /** The child's own view: V8 heap and external memory beside its resident set. */
  usage(): Promise<Extract<ChildMessage, { type: 'usage' }>>;
  startProfile(): Promise<void>;
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

/** A free port on loopback (closed again at once; the child binds it next). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Spawns the API (ready when it listens) or the worker (ready when it logs its start). */
export async function startChild(
  kind: 'api' | 'worker',
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ChildHandle> {
  const port = kind === 'api' ? await freePort() : undefined;
  const child: ChildProcess = spawn(process.execPath, [ENTRY[kind]], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      ...env,
      ...(port === undefined ? {} : { PORT: String(port) }),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const name = `${kind} ${child.pid ?? '?'}`;
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedYet = false;
  void exited.then(() => (exitedYet = true));

  const waitMessage = <T extends ChildMessage['type']>(type: T, ms = 30_000) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`${name}: no ${type} message in ${ms} ms`));
      }, ms);
      const onMessage = (message: ChildMessage) => {
        if (message.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message as Extract<ChildMessage, { type: T }>);
      };
      child.on('message', onMessage);
    });
  const send = (message: ParentMessage) => {
    if (!exitedYet && child.connected) child.send(message);
  };

  const stop = async () => {
    if (exitedYet) return;
    send({ type: 'stop' });
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  const unregister = onCleanup(name, stop);

  const ready =
    kind === 'api'
      ? waitMessage('ready', timeoutMs).then(() => undefined)
      : new Promise<void>((resolve, reject) => {
          const started = Date.now();
          const poll = setInterval(() => {
            if (/timer worker started/.test(output)) {
              clearInterval(poll);
              resolve();
            } else if (Date.now() - started > timeoutMs) {
              clearInterval(poll);
              reject(new Error(`${name}: did not start in ${timeoutMs} ms`));
            }
          }, 50);
        });
  await Promise.race([
    ready,
    exited.then(() => {
      throw new Error(`${name} exited before it was ready:\n${output.slice(-3000)}`);
    }),
  ]);

  const usage = async () => {
    send({ type: 'usage' });
    return waitMessage('usage', 10_000);
  };
  const pid = child.pid ?? -1;
  return {
    name,
    pid,
    port,
    output: () => output,
    usage,
    async peakRssBytes() {
      return procStatus(pid, 'VmHWM') ?? (await usage()).maxRssBytes;
    },
    async rssBytes() {
      return procStatus(pid, 'VmRSS') ?? (await usage()).rssBytes;
    },
    async startProfile() {
      const started = waitMessage('profile-started');
      send({ type: 'profile-start' });
      await started;
    },
    async stopProfile(file: string) {
      const written = waitMessage('profile-written', 60_000);
      send({ type: 'profile-stop', file });
      await written;
    },
    stop: () => unregister(),
  };
}
