import type { IncomingMessage, ServerResponse } from 'node:http';
import { UnsupportedMediaTypeException } from '@nestjs/common';

// application/json and structured suffixes such as application/merge-patch+json.
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/i;
// The one route that takes a file: POST /disputes/:id/attachments (multer parses it).
const MULTIPART_ROUTE = /^\/disputes\/[^/]+\/attachments\/?(?:\?|$)/;

/**
 * Raw middleware, run before body parsing: a body that is not JSON is refused with 415
 * rather than silently ignored (which would surface as confusing "field missing" errors).
 */
export function requireJsonBody(
  request: IncomingMessage,
  _response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  if (!hasBody(request)) {
    next();
    return;
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim();
  if (
    JSON_MEDIA_TYPE.test(mediaType) ||
    (mediaType.toLowerCase() === 'multipart/form-data' && MULTIPART_ROUTE.test(request.url ?? ''))
  ) {
    next();
    return;
  }
  const got = mediaType === '' ? 'no Content-Type' : mediaType.slice(0, 100);
  next(new UnsupportedMediaTypeException(`request body must be application/json, got ${got}`));
}

// The same test body-parser uses: a body is announced by a length or a chunked transfer.
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}
