import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocModel } from './doc-model';
import type { RenderJob, RenderReply } from './render-worker';

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread that renders documents (render-worker.ts), started on the first document
 * and kept; jobs queue there in order. Idle, it does not keep the process alive.
 */
export class RenderThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `execArgv`: for the thread alone (a TypeScript loader, when run from sources). */
  constructor(
    private readonly file: string,
    private readonly execArgv: string[] = [],
  ) {}

  render(model: DocModel, format: 'pdf' | 'docx', at: Date): Promise<Buffer> {
    const id = this.nextId++;
    const job: RenderJob = { id, model, format, at: at.toISOString() };
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const thread = this.thread();
      thread.ref();
      thread.postMessage(job);
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }

  /** Stops the thread (tests; the process's exit does it otherwise). */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const started = new Worker(this.file, { execArgv: this.execArgv });
    // Idle, it must not keep the process alive (graceful shutdown, scripts).
    started.unref();
    started.on('message', (reply: RenderReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(`rendering failed: ${reply.error}`));
      else p.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.length));
    });
    started.on('error', (error) => this.failAll(started, error));
    started.on('exit', (code) =>
      this.failAll(started, new Error(`the rendering thread exited (${code})`)),
    );
    this.worker = started;
    return started;
  }

  /** A thread that failed or exited fails what it held; the next document starts another. */
  private failAll(thread: Worker, error: Error): void {
    if (this.worker !== thread) return;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }
}

// The compiled worker beside this file (dist/). Run from TypeScript sources (ts-jest) there is
// none, and documents are rendered on the calling thread as before.
const WORKER_FILE = path.join(__dirname, 'render-worker.js');
const shared = existsSync(WORKER_FILE) ? new RenderThread(WORKER_FILE) : undefined;

/**
 * A document as PDF or DOCX, rendered on one worker thread shared by the process (issue 9: one
 * user's bundle must not stall everyone's reads).
 */
export async function renderDocument(
  model: DocModel,
  format: 'pdf' | 'docx',
  at: Date,
): Promise<Buffer> {
  if (shared) return shared.render(model, format, at);
  // Inline, the renderers load with the first document: the PDF and DOCX libraries and the font
  // reader are ~10 MB of heap a process that renders on the thread never needs.
  // (require, not import(): this is CommonJS, and jest runs these sources without ESM support.)
  if (format === 'pdf') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderPdf } = require('./render-pdf') as typeof import('./render-pdf');
    return renderPdf(model, at);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { renderDocx } = require('./render-docx') as typeof import('./render-docx');
  return renderDocx(model);
}
