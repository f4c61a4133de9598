import path from 'node:path';
import type { DocModel } from './doc-model';
import { RenderThread } from './render-off-thread';
import { renderPdf } from './render-pdf';

// The API renders documents on a worker thread when it runs compiled (dist/); the e2e suites
// run from sources and render inline. This runs the thread itself, from sources, through tsx.
const WORKER = path.join(__dirname, 'render-worker.ts');
const FROM_SOURCES = ['--require', 'tsx/cjs'];

const model: DocModel = {
  title: '人民调解协议书',
  subtitle: 'TC-2026-000001',
  blocks: [
    { kind: 'heading', text: '当事人' },
    {
      kind: 'fields',
      rows: [
        ['申请人', '张三'],
        ['被申请人', '李四'],
      ],
    },
    ...Array.from({ length: 40 }, (_, i) => ({
      kind: 'paragraph' as const,
      text: `第${i + 1}条 双方就楼上漏水一事自愿达成如下协议，由申请人负责修复并赔偿损失。`,
    })),
    { kind: 'signatures', lines: ['申请人', '被申请人', '调解员'] },
  ],
  footer: ['模板 v1', '审计记录 #4'],
};
const at = new Date('2026-12-01T00:00:00Z');

/** The longest the calling thread's event loop stood still while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
    longest = Math.max(longest, performance.now() - last);
  } finally {
    clearInterval(tick);
  }
  return longest;
}

describe('rendering documents on a worker thread', () => {
  let thread: RenderThread;
  beforeEach(() => {
    thread = new RenderThread(WORKER, FROM_SOURCES);
  });
  afterEach(() => thread.stop());

  it('returns the same PDF and a DOCX as rendering here would', async () => {
    const pdf = await thread.render(model, 'pdf', at);
    const inline = await renderPdf(model, at);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Same layout, same font subset: within a few bytes (the document id is random).
    expect(Math.abs(pdf.length - inline.length)).toBeLessThan(200);
    const docx = await thread.render(model, 'docx', at);
    expect(docx.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  }, 60_000);

  it('leaves the calling thread free while it renders', async () => {
    await thread.render(model, 'pdf', at); // the thread started, the font loaded
    await renderPdf(model, at);
    const here = await longestStall(() => renderPdf(model, at));
    const there = await longestStall(() =>
      Promise.all([1, 2, 3].map(() => thread.render(model, 'pdf', at))),
    );
    // Here the loop stands still for the whole layout; there it only receives the bytes.
    expect(there).toBeLessThan(here / 2);
  }, 60_000);

  it('answers a failed render with its error and keeps rendering the others', async () => {
    const broken = { ...model, blocks: null } as unknown as DocModel;
    const [failed, next] = await Promise.allSettled([
      thread.render(broken, 'pdf', at),
      thread.render(model, 'pdf', at),
    ]);
    expect(failed).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/^rendering failed: .*blocks/) },
    });
    expect(next.status).toBe('fulfilled');
    expect((next as PromiseFulfilledResult<Buffer>).value.subarray(0, 5).toString('latin1')).toBe(
      '%PDF-',
    );
  }, 60_000);
});
