// Writes docs/openapi.json from the app's controllers and DTOs (no database, Redis or server
// needed), then the typed client's types from it (libs/api-client/src/schema.d.ts).
// Run with `npm run openapi`; a test fails while the committed files are stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_TYPES_PATH, clientTypes } from '../apps/api/src/http/openapi-client-types';
import {
  buildOpenApiDocument,
  OPENAPI_PATH,
  openApiJson,
} from '../apps/api/src/http/openapi-document';

// npm runs scripts from the package root (the script itself runs from dist/).
const root = process.cwd();

async function main(): Promise<void> {
  const document = await buildOpenApiDocument();
  writeFileSync(join(root, OPENAPI_PATH), openApiJson(document));
  console.log(`wrote ${OPENAPI_PATH}`);
  writeFileSync(join(root, CLIENT_TYPES_PATH), await clientTypes(document));
  console.log(`wrote ${CLIENT_TYPES_PATH}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
