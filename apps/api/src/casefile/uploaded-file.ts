/** The part of multer's file object the API reads (memory storage: the bytes are in `buffer`). */
export interface UploadedPart {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** RFC 6266 Content-Disposition with a UTF-8 name (Chinese file names survive). */
export function contentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The one call on the HTTP response the case-file routes make (headers beside a file). */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}
