import { Worker } from 'node:worker_threads';
import { WorkerChannel } from './worker-channel';

// A thread that echoes `{ id, n }` as `{ id, twice }` after `delay` ms, and exits on `exit`.
const ECHO = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, n, delay, exit }) => {
  if (exit) process.exit(3);
  setTimeout(() => parentPort.postMessage({ id, twice: n * 2 }), delay ?? 0);
});
`;

interface Echo {
  id: number;
  twice: number;
}

describe('WorkerChannel', () => {
  let started: number;
  let channel: WorkerChannel<Echo>;
  beforeEach(() => {
    started = 0;
    channel = new WorkerChannel<Echo>('the echo thread', () => {
      started++;
      return new Worker(ECHO, { eval: true });
    });
  });
  afterEach(() => channel.close());

  it('matches each reply to its request, on one thread started on the first request', async () => {
    expect(started).toBe(0);
    const replies = await Promise.all([
      channel.request({ n: 1, delay: 30 }),
      channel.request({ n: 2 }),
      channel.request({ n: 3, delay: 10 }),
    ]);
    expect(replies.map((r) => r.twice)).toEqual([2, 4, 6]);
    expect(new Set(replies.map((r) => r.id)).size).toBe(3);
    expect(started).toBe(1);
  });

  it('fails what a thread held when it exits, and starts another for the next request', async () => {
    const held = expect(channel.request({ n: 1, delay: 500 })).rejects.toThrow(
      'the echo thread exited (3)',
    );
    const exit = expect(channel.request({ exit: true })).rejects.toThrow(
      'the echo thread exited (3)',
    );
    await Promise.all([held, exit]);
    expect((await channel.request({ n: 5 })).twice).toBe(10);
    expect(started).toBe(2);
  });

  it('once closed, fails what was pending and every later request', async () => {
    const pending = expect(channel.request({ n: 1, delay: 500 })).rejects.toThrow(
      'the echo thread is closed',
    );
    await channel.close();
    await pending;
    await expect(channel.request({ n: 2 })).rejects.toThrow('the echo thread is closed');
    expect(started).toBe(1);
  });
});
