import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';

export const CLIENT_TYPES_PATH = 'libs/api-client/src/schema.d.ts';

const HEADER = `// Generated from docs/openapi.json by \`npm run openapi\` (openapi-typescript). Do not edit.
/* eslint-disable */
`;

/** The TypeScript types of the API, as openapi-typescript writes them for openapi-fetch. */
export async function clientTypes(document: OpenAPIObject): Promise<string> {
  const ast = await openapiTS(
    JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0],
    {
      // Optional fields stay optional; a field the server always sends is required.
      alphabetize: false,
      exportType: false,
    },
  );
  return HEADER + astToString(ast);
}
