import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocModel } from './doc-model';

// Word picks the East Asian font by name on the reader's machine; SimSun is on every Chinese one.
const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
const run = (text: string, size = 24, bold = false) =>
  new TextRun({ text, size, bold, font: FONT });

/** DOCX that staff edit before printing: the same content as the PDF, as paragraphs and tables. */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [run(model.title, 36, true)],
    }),
  ];
  if (model.subtitle) {
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(model.subtitle, 20)] }),
    );
  }
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(block.text, 28, true)] }),
        );
        break;
      case 'paragraph':
        for (const line of block.text.split('\n'))
          children.push(new Paragraph({ children: [run(line)] }));
        break;
      case 'fields':
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              ([label, value]) =>
                new TableRow({
                  children: [
                    new TableCell({
                      width: { size: 25, type: WidthType.PERCENTAGE },
                      children: [new Paragraph({ children: [run(label, 24, true)] })],
                    }),
                    new TableCell({ children: [new Paragraph({ children: [run(value)] })] }),
                  ],
                }),
            ),
          }),
        );
        break;
      case 'signatures':
        for (const line of block.lines) {
          children.push(new Paragraph({ spacing: { before: 360 }, children: [run(line)] }));
        }
        break;
    }
  }
  const doc = new Document({
    creator: 'Tricolor',
    title: model.title,
    sections: [
      {
        footers: {
          default: new Footer({
            children: model.footer.map((l) => new Paragraph({ children: [run(l, 16)] })),
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
