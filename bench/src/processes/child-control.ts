import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * The parent benchmark talks to its API and worker children over IPC: CPU profiles on demand
 * (the inspector's sampling profiler, written as a .cpuprofile), memory figures, and a clean stop.
 */
export type ParentMessage =
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string }
  | { type: 'usage' }
  | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready'; port?: number }
  | { type: 'profile-started' }
  | { type: 'profile-written'; file: string }
  | {
      type: 'usage';
      rssBytes: number;
      maxRssBytes: number;
      heapUsedBytes: number;
      heapTotalBytes: number;
      externalBytes: number;
    };

let session: Session | undefined;

function post<T>(method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    if (!session) {
      reject(new Error('no inspector session'));
      return;
    }
    session.post(method, params, (error, result) => {
      if (error) reject(error);
      else resolve(result as T);
    });
  });
}

const reply = (message: ChildMessage) => process.send?.(message);

export function listenToParent(stop: () => Promise<void>): void {
  process.on('message', (raw: ParentMessage) => {
    void handle(raw, stop).catch((error: Error) => {
      process.stderr.write(`child-control: ${error.message}\n`);
    });
  });
}

async function handle(message: ParentMessage, stop: () => Promise<void>): Promise<void> {
  switch (message.type) {
    case 'profile-start':
      session = new Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
      reply({ type: 'profile-started' });
      return;
    case 'profile-stop': {
      const { profile } = await post<{ profile: object }>('Profiler.stop');
      writeFileSync(message.file, JSON.stringify(profile));
      session?.disconnect();
      session = undefined;
      reply({ type: 'profile-written', file: message.file });
      return;
    }
    case 'usage': {
      const memory = process.memoryUsage();
      reply({
        type: 'usage',
        rssBytes: memory.rss,
        // resourceUsage().maxRSS is in kilobytes.
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        heapUsedBytes: memory.heapUsed,
        heapTotalBytes: memory.heapTotal,
        externalBytes: memory.external,
      });
      return;
    }
    case 'stop':
      await stop();
      return;
  }
}

export const notifyReady = (port?: number) =>
  reply(port === undefined ? { type: 'ready' } : { type: 'ready', port });
