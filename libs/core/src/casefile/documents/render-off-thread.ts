import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { WorkerChannel } from '@tricolor/persistence';
import type { DocModel } from './doc-model';
import type { RenderJob, RenderReply } from './render-worker';

/**
 * One worker thread that renders documents (render-worker.ts), started on the first document
 * and kept; jobs queue there in order. Idle, it does not keep the process alive.
 */
export class RenderThread {
  private readonly channel: WorkerChannel<RenderReply>;

  /** `execArgv`: for the thread alone (a TypeScript loader, when run from sources). */
  constructor(file: string, execArgv: string[] = []) {
    this.channel = new WorkerChannel<RenderReply>(
      'the rendering thread',
      () => new Worker(file, { execArgv }),
    );
  }

  async render(model: DocModel, format: 'pdf' | 'docx', at: Date): Promise<Buffer> {
    const job: Omit<RenderJob, 'id'> = { model, format, at: at.toISOString() };
    const reply = await this.channel.request(job);
    if ('error' in reply) throw new Error(`rendering failed: ${reply.error}`);
    return Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.length);
  }

  /** Stops the thread (tests; the process's exit does it otherwise). */
  stop(): Promise<void> {
    return this.channel.close();
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
