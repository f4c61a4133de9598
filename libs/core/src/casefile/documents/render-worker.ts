import { parentPort } from 'node:worker_threads';
import type { DocModel } from './doc-model';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

/** A render asked of the worker thread (render-off-thread.ts). */
export interface RenderJob {
  id: number;
  model: DocModel;
  format: 'pdf' | 'docx';
  /** ISO instant: the PDF's metadata dates. */
  at: string;
}

export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

// Laying out a PDF with the embedded CJK font (font parsing, subsetting) and zipping a DOCX are
// hundreds of milliseconds of CPU: here they do not hold the API's event loop.
parentPort?.on('message', (job: RenderJob) => {
  // A renderer that throws before its promise exists would end the thread, and with it every
  // job queued behind this one: turn that into this job's error too.
  const render = Promise.resolve().then(() =>
    job.format === 'pdf' ? renderPdf(job.model, new Date(job.at)) : renderDocx(job.model),
  );
  render.then(
    (bytes) => {
      const copy = new Uint8Array(bytes);
      parentPort?.postMessage({ id: job.id, bytes: copy } satisfies RenderReply, [copy.buffer]);
    },
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies RenderReply),
  );
});
