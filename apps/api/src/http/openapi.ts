import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { AGENDA_MODELS } from '../agenda/agenda.responses';
import { addEventSchemas, EVENT_DTO_CLASSES } from '../disputes/event-schemas';
import { ErrorBodySchema, RefusalSchema } from './error.schemas';

export const DOCS_PATH = 'docs';
export const BEARER_SCHEME = 'bearer';

/** Every tag an operation uses, declared with what it groups. Add yours here. */
export const API_TAGS: Record<string, string> = {
  auth: 'Log in for a bearer token (JWT)',
  admin: 'Units (street → community → grid) and user accounts; admins and supervisors',
  units: "The district's units with their names, for every signed-in user (naming places)",
  disputes: 'Open cases, send them events, read their audit trail, timers and allowed events',
  notifications: "The caller's inbox: reminders, overdue cases and escalations",
  agenda: 'The weekly joint-meeting agenda (警格+网格 例会) of a community or street',
  stats: 'Counts per tier and outcome, settlement shares and time per tier',
  workflow: 'The statechart, its timers and the risk checklist',
  health: 'Whether the database and Redis answer',
  casefile: 'The case file (卷宗): documents, attachments, the verifiable bundle, monthly report',
  calendar: 'The business calendar: working days, public holidays and make-up days (调休)',
  supervision: 'Supervision (督办): the watch list of cases near or past a deadline, and notices',
  community:
    'The community police room: 社情 reports, the 1+1+2+N+N team, grid boundaries and the map',
};

const DESCRIPTION = `Three-tier (blue / yellow / red) dispute mediation workflow engine.

Every request but \`POST /auth/login\`, \`GET /health\` and \`GET /workflow\` needs
\`Authorization: Bearer <accessToken>\`. Every error is \`ErrorBody\`:
\`{statusCode, error, message}\` with \`message\` always a string; a 400 for bad input adds
\`errors: [{field, message}]\`, and a refused event (422) is a \`Refusal\`, adding \`event\`,
\`reason\` and \`allowedEvents\`. See docs/api.md for authentication, errors, idempotency,
paging and versioning.`;

/** Serves the OpenAPI document: the UI at `/docs`, the JSON at `/docs-json`. */
export function setupOpenApi(app: INestApplication, version: string): void {
  // A factory, so the document is built on first request, once every route is registered.
  SwaggerModule.setup(DOCS_PATH, app, () => createOpenApiDocument(app, version));
}

/** The document, as served and as written to docs/openapi.json by `npm run openapi`. */
export function createOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Tricolor')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    // Relative: the server that serves this document (a local npm start is http://localhost:3000).
    .addServer('/', 'The server that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    // Every route needs a token unless it is marked @Public(), which lifts this per operation.
    .addSecurityRequirements(BEARER_SCHEME);
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [...EVENT_DTO_CLASSES, ...AGENDA_MODELS, ErrorBodySchema, RefusalSchema],
  });
  // package.json says UNLICENSED: proprietary, no licence URL to point at.
  document.info.license = { name: 'UNLICENSED (proprietary)' };
  addEventSchemas(document);
  dedupeParameters(document);
  closeRequestSchemas(document);
  typeNullableUnions(document);
  addWriteThrottle(document);
  addRetryAfter(document);
  return document;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const WRITES: ReadonlySet<string> = new Set(['put', 'post', 'delete', 'patch']);

function* operations(document: OpenAPIObject, only?: ReadonlySet<string>) {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation !== undefined && (only === undefined || only.has(method))) yield operation;
    }
  }
}

/**
 * Every write by a signed-in user counts against THROTTLE_WRITE_* (WriteThrottleInterceptor, a
 * global interceptor): each such operation may answer 429, whether or not its controller says so.
 * Anonymous operations (security `[{}]`) are not counted; login states its own 429.
 */
function addWriteThrottle(document: OpenAPIObject): void {
  for (const operation of operations(document, WRITES)) {
    const anonymous = operation.security?.some((r) => Object.keys(r).length === 0) ?? false;
    if (anonymous || operation.responses['429'] !== undefined) continue;
    operation.responses['429'] = {
      description: 'Too many changes by this user: retry after `Retry-After` seconds',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(ErrorBodySchema) } },
      },
    };
  }
}

/** Every 429 says how long to wait, in the `Retry-After` header (seconds). */
function addRetryAfter(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    const tooMany = operation.responses['429'] as ResponseObject | undefined;
    if (tooMany === undefined || '$ref' in tooMany) continue;
    tooMany.headers = {
      ...tooMany.headers,
      'Retry-After': {
        description: 'Seconds to wait before trying again',
        schema: { type: 'integer', minimum: 0 },
      },
    };
  }
}

/**
 * A header declared with @ApiHeader and read with @Headers() appears twice (the second as
 * required, in another case): HTTP header names are case-insensitive, so keep the first.
 */
function dedupeParameters(document: OpenAPIObject): void {
  for (const operation of operations(document)) {
    const parameters = operation.parameters ?? [];
    const key = (p: ParameterObject) =>
      `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
    // The documented one (with a description) wins over the one Nest inferred.
    const documented = new Map<string, ParameterObject>();
    for (const p of parameters) {
      if (!('$ref' in p) && (p.description !== undefined || !documented.has(key(p)))) {
        documented.set(key(p), p);
      }
    }
    operation.parameters = parameters.filter((p) => '$ref' in p || documented.get(key(p)) === p);
  }
}

/**
 * Request bodies refuse unknown fields (the validation pipe's whitelist): say so with
 * `additionalProperties: false` on every schema a request body reaches. Response schemas stay
 * open, so that a client keeps working when a field is added; the tests hold responses to
 * exactly the documented fields (test/support/openapi-validator.ts).
 */
function closeRequestSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const closed = new Set<string>();
  const visit = (schema: SchemaObject | ReferenceObject | undefined): void => {
    if (schema === undefined) return;
    if ('$ref' in schema) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (closed.has(name)) return;
      closed.add(name);
      visit(schemas[name]);
      return;
    }
    if (schema.type === 'object' || schema.properties !== undefined) {
      schema.additionalProperties ??= false;
      Object.values(schema.properties ?? {}).forEach(visit);
    }
    visit(schema.items);
    [...(schema.oneOf ?? []), ...(schema.allOf ?? []), ...(schema.anyOf ?? [])].forEach(visit);
  };
  for (const operation of operations(document)) {
    const body = operation.requestBody;
    if (body === undefined || '$ref' in body) continue;
    Object.values(body.content).forEach((media) => visit(media.schema));
  }
}

/**
 * A nullable `oneOf` of objects (a grid's boundary: Polygon, MultiPolygon or null) gets
 * `type: object` beside its `nullable`, as OpenAPI 3.0 wants (Redocly: nullable-type-sibling).
 * @nestjs/swagger drops a declared `type` beside a `oneOf`, so it is put back here.
 */
function typeNullableUnions(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const isObject = (member: SchemaObject | ReferenceObject): boolean => {
    const target =
      '$ref' in member ? schemas[member.$ref.replace('#/components/schemas/', '')] : member;
    return target !== undefined && !('$ref' in target) && target.type === 'object';
  };
  const visit = (schema: SchemaObject | ReferenceObject | undefined): void => {
    if (schema === undefined || '$ref' in schema) return;
    const members = schema.oneOf ?? schema.anyOf;
    if (schema.nullable === true && schema.type === undefined && members?.every(isObject)) {
      schema.type = 'object';
    }
    Object.values(schema.properties ?? {}).forEach(visit);
    visit(schema.items);
    [...(schema.oneOf ?? []), ...(schema.allOf ?? []), ...(schema.anyOf ?? [])].forEach(visit);
  };
  Object.values(schemas).forEach(visit);
}
