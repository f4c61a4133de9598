import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_TYPES_PATH, clientTypes } from './openapi-client-types';
import { buildOpenApiDocument, OPENAPI_PATH, openApiJson } from './openapi-document';

const ROOT = join(__dirname, '..', '..', '..', '..');

// Line endings may be rewritten by git on checkout; only the content matters.
const committed = (path: string): string =>
  readFileSync(join(ROOT, path), 'utf8').replace(/\r\n/g, '\n');

describe('docs/openapi.json and the generated client types', () => {
  it('match the controllers and DTOs (run npm run openapi when this fails)', async () => {
    const document = await buildOpenApiDocument();
    const stale = [
      committed(OPENAPI_PATH) === openApiJson(document) ? null : OPENAPI_PATH,
      committed(CLIENT_TYPES_PATH) === (await clientTypes(document)) ? null : CLIENT_TYPES_PATH,
    ].filter((path) => path !== null);
    if (stale.length > 0) {
      throw new Error(`stale: ${stale.join(', ')}: run npm run openapi and commit the result`);
    }
  });
});
