import { readFileSync } from 'node:fs';
import path from 'node:path';

let cached: Buffer | undefined;

/**
 * Noto Sans SC (Noto Sans Hans, GB2312 subset, OFL) from the npm package @embedpdf/fonts-sc:
 * never a system font, so a document reads the same on every machine. The package exports only
 * its index, so the font is found beside it. Read once; PDFKit embeds only the glyphs used.
 */
export function cjkFont(): Buffer {
  cached ??= readFileSync(
    path.join(
      path.dirname(require.resolve('@embedpdf/fonts-sc')),
      '..',
      'fonts',
      'NotoSansHans-Regular.otf',
    ),
  );
  return cached;
}
