import { sniffMediaType } from './sniff-media-type';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('sniffMediaType', () => {
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['image/png', bytes([0x89], 'PNG\r\n\x1a\n', 'IHDR')],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1')],
    ['application/pdf', bytes('%PDF-1.7\n')],
  ])('knows %s by its first bytes', (type, content) => {
    expect(sniffMediaType(content)).toBe(type);
  });

  it.each([
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0])],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['a ZIP', bytes('PK', [3, 4])],
    ['an MP4 video', bytes([0, 0, 0, 0x18], 'ftypisom')],
    ['text', bytes('hello')],
    ['nothing', bytes()],
  ])('refuses %s', (_what, content) => {
    expect(sniffMediaType(content)).toBeNull();
  });
});
