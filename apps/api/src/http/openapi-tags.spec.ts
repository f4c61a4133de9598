import { buildOpenApiDocument } from './openapi-document';

describe('the OpenAPI document', () => {
  it('declares every tag an operation uses, and names every operation', async () => {
    const document = await buildOpenApiDocument();
    const declared = new Set((document.tags ?? []).map((tag) => tag.name));
    const problems: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item) as [string, unknown][]) {
        if (typeof operation !== 'object' || operation === null || !('responses' in operation)) {
          continue;
        }
        const op = operation as { operationId?: string; summary?: string; tags?: string[] };
        const where = `${method.toUpperCase()} ${path}`;
        for (const tag of op.tags ?? []) {
          if (!declared.has(tag)) problems.push(`${where}: tag ${tag} is not in API_TAGS`);
        }
        if (op.summary === undefined) problems.push(`${where}: no summary (@ApiOperation)`);
        // Nest's default ids read `DisputesController_send`: give it a verb-first name.
        if (op.operationId === undefined || op.operationId.includes('_')) {
          problems.push(`${where}: operationId ${String(op.operationId)} (@ApiOperation)`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
