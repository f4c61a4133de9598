import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createOpenApiDocument } from '../../apps/api/src/http/openapi';
import { API_VERSION } from '../../apps/api/src/http/openapi-document';

/**
 * Holds every response the e2e suites receive to the OpenAPI document the app serves: the
 * status must be documented for the operation, and the body must match its schema. Response
 * schemas are read strictly here: an object may carry only the properties it documents (the
 * published document leaves them open, so that clients tolerate additions).
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, discriminator: false });
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    const schemas = Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [
        name,
        toJsonSchema(s),
      ]),
    );
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas } });
    this.routes = Object.entries(document.paths)
      .map(([template, item]) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
        item,
      }))
      // A literal segment wins over a parameter (`/x/read-all` before `/x/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  static forApp(app: INestApplication): OpenApiValidator {
    return new OpenApiValidator(createOpenApiDocument(app, API_VERSION));
  }

  /** What is wrong with this answer to `method url`, or null when it is as documented. */
  problem(method: string, url: string, res: Answer): string | null {
    const path = new URL(url, 'http://x').pathname;
    if (UNCHECKED_PATHS.has(path)) return null;
    const route = this.routes.find((r) => r.pattern.test(path));
    const verb = method.toLowerCase() as Lowercase<Method>;
    const operation = route?.item[verb];
    if (route === undefined || operation === undefined) {
      // Unknown routes answer 404 (and an unknown method on a known path 404 too).
      return res.status === 404
        ? this.errorBodyProblem(res)
        : `${method} ${path} is not documented`;
    }
    const where = `${method} ${route.template} (${operation.operationId ?? '?'})`;
    const response = operation.responses[String(res.status)];
    if (response === undefined || '$ref' in response) {
      const documented = Object.keys(operation.responses).join(', ');
      return `${where} answered ${res.status}, which is not documented (documented: ${documented})`;
    }
    const content = response.content ?? {};
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    // A file (PDF, DOCX, XLSX, CSV, ZIP, an attachment): its media type must be documented;
    // its bytes are not a JSON body to check.
    if (mediaType !== '' && mediaType !== 'application/json') {
      if (content[mediaType] !== undefined) return null;
      const documented = Object.keys(content);
      return documented.length === 0 && !hasBody(res)
        ? null
        : `${where} ${res.status}: content-type ${mediaType}, documented: ${documented.join(', ') || 'no body'}`;
    }
    const schema = content['application/json']?.schema;
    if (schema === undefined) {
      return hasBody(res) ? `${where} ${res.status}: a body where none is documented` : null;
    }
    if (mediaType === '') {
      return `${where} ${res.status}: content-type (none), not JSON`;
    }
    const validate = this.validator(`${verb} ${route.template} ${res.status}`, schema);
    if (validate(jsonBody(res))) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((e) => `  ${e.instancePath || '(body)'} ${e.message ?? ''} ${paramsOf(e.params)}`)
      .join('\n');
    return `${where} ${res.status}: the body does not match ${schemaName(schema)}:\n${errors}`;
  }

  private errorBodyProblem(res: Answer): string | null {
    const validate = this.validator('ErrorBody', { $ref: '#/components/schemas/ErrorBody' });
    return validate(jsonBody(res)) ? null : `a 404 body that is not an ErrorBody`;
  }

  private validator(key: string, schema: SchemaObject | ReferenceObject): ValidateFunction {
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      validate = this.ajv.compile(toJsonSchema(schema, `${DOC_ID}#`));
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** What the validator reads of an answer: supertest's Response has it, a fetch one can be made to. */
export interface Answer {
  status: number;
  body: unknown;
  text?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The Swagger UI and the document itself are not JSON API operations. */
const UNCHECKED_PATHS = new Set(['/docs', '/docs-json', '/docs-yaml']);

const DOC_ID = 'tricolor-openapi';

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
  item: OpenAPIObject['paths'][string];
}

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv: `nullable` becomes a `null` type (and enum value);
 * objects that list their properties refuse others; refs point into the registered document.
 */
function toJsonSchema(schema: unknown, refBase = '#'): Record<string, unknown> {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'discriminator' || key === 'example' || key === 'nullable') continue;
      if (key === '$ref' && typeof value === 'string') {
        out.$ref = value.replace(/^#/, refBase);
      } else if (key === 'properties' || key === 'mapping') {
        out[key] = Object.fromEntries(
          Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v)]),
        );
      } else {
        out[key] = walk(value);
      }
    }
    const original = node as SchemaObject;
    if (original.properties !== undefined && original.additionalProperties === undefined) {
      out.additionalProperties = false;
    }
    if (original.nullable === true) {
      const composed = out.allOf !== undefined || out.oneOf !== undefined;
      if (typeof out.type === 'string' && !composed) {
        out.type = [out.type, 'null'];
        if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
      } else {
        // `type: object` beside `allOf` (Nest's nullable $ref) or `oneOf` (a nullable union)
        // says nothing the $refs do not; null must pass beside them, not through them.
        delete out.type;
        return { anyOf: [{ type: 'null' }, out] };
      }
    }
    return out;
  };
  return walk(schema) as Record<string, unknown>;
}

/** The JSON body, also when the test asked for raw bytes (a download that answered an error). */
function jsonBody(res: Answer): unknown {
  if (!Buffer.isBuffer(res.body)) return res.body;
  try {
    return JSON.parse(res.body.toString('utf8')) as unknown;
  } catch {
    return res.body;
  }
}

function hasBody(res: Answer): boolean {
  if (Buffer.isBuffer(res.body)) return res.body.length > 0;
  return res.text !== undefined && res.text !== '';
}

function schemaName(schema: SchemaObject | ReferenceObject): string {
  if ('$ref' in schema) return schema.$ref.replace('#/components/schemas/', '');
  if (schema.type === 'array' && schema.items && '$ref' in schema.items) {
    return `${schema.items.$ref.replace('#/components/schemas/', '')}[]`;
  }
  return 'its schema';
}

function paramsOf(params: unknown): string {
  const text = JSON.stringify(params);
  return text === '{}' ? '' : text;
}
