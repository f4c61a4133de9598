import type { Worker } from 'node:worker_threads';

interface Pending<Reply> {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

/**
 * Requests to one worker thread, each answered by the reply that carries its id. The thread is
 * started on the first request and kept; requests queue there in order. Idle (nothing pending),
 * it does not keep the process alive: graceful shutdown and scripts end without closing it. A
 * thread that fails or exits fails every request it held, and the next request starts another.
 * Used by the SQLite read thread (heavy reads) and the document rendering thread.
 */
export class WorkerChannel<Reply extends { id: number }> {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Reply>>();
  private closed = false;

  /** `name` words the errors ("the SQLite read thread exited (1)"). */
  constructor(
    private readonly name: string,
    private readonly start: () => Worker,
  ) {}

  /** Posts `message` with an id of its own; the reply carrying that id. */
  request(message: object): Promise<Reply> {
    if (this.closed) return Promise.reject(new Error(`${this.name} is closed`));
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const thread = this.thread();
      thread.ref();
      thread.postMessage({ ...message, id });
    });
  }

  /** Stops the thread for good: what it held and every later request fail. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (worker) this.failAll(worker, new Error(`${this.name} is closed`));
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const started = this.start();
    started.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) started.unref();
      p.resolve(reply);
    });
    started.on('error', (error) => this.failAll(started, error));
    started.on('exit', (code) => this.failAll(started, new Error(`${this.name} exited (${code})`)));
    this.worker = started;
    return started;
  }

  /** The current thread's failure fails what it held; the next request starts another. */
  private failAll(thread: Worker, error: Error): void {
    if (this.worker !== thread) return;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
