import PDFDocument from 'pdfkit';
import { cjkFont } from './cjk-font';
import type { DocModel } from './doc-model';

/** A4 PDF with the CJK font embedded (subset). `at` fixes the metadata dates. */
export function renderPdf(model: DocModel, at: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: model.title, Creator: 'Tricolor', CreationDate: at, ModDate: at },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  doc.fontSize(20).text(model.title, { align: 'center' });
  if (model.subtitle) doc.fontSize(10).text(model.subtitle, { align: 'center' });
  doc.moveDown();
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(0.5).fontSize(13).text(block.text);
        break;
      case 'paragraph':
        doc.fontSize(11).text(block.text, { lineGap: 3 });
        break;
      case 'fields':
        for (const [label, value] of block.rows) {
          doc.fontSize(11).text(`${label}：${value}`, { lineGap: 3 });
        }
        break;
      case 'signatures':
        doc.moveDown();
        for (const line of block.lines) doc.fontSize(11).text(line, { lineGap: 14 });
        break;
    }
  }
  doc.moveDown(2);
  for (const line of model.footer) doc.fontSize(8).fillColor('#555555').text(line);
  doc.end();
  return done;
}
