import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocModel } from './doc-model';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import type { RenderJob, RenderReply } from './render-worker';

// The compiled worker beside this file (dist/). Run from TypeScript sources (ts-jest) there is
// none, and documents are rendered on the calling thread as before.
const WORKER_FILE = path.join(__dirname, 'render-worker.js');
const OFF_THREAD = existsSync(WORKER_FILE);

interface Pending {
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = undefined;
}

function renderer(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_FILE);
  // Idle, it must not keep the process alive (graceful shutdown, scripts).
  started.unref();
  started.on('message', (reply: RenderReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new Error(`rendering failed: ${reply.error}`));
    else p.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.length));
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the rendering thread exited (${code})`));
  });
  worker = started;
  return started;
}

/**
 * A document as PDF or DOCX, rendered on one worker thread shared by the process (issue 9: one
 * user's bundle must not stall everyone's reads); jobs queue there in order.
 */
export function renderDocument(model: DocModel, format: 'pdf' | 'docx', at: Date): Promise<Buffer> {
  if (!OFF_THREAD) {
    return format === 'pdf' ? renderPdf(model, at) : renderDocx(model);
  }
  const id = nextId++;
  const job: RenderJob = { id, model, format, at: at.toISOString() };
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const thread = renderer();
    thread.ref();
    thread.postMessage(job);
  }).finally(() => {
    if (pending.size === 0) worker?.unref();
  });
}
