import { buildOpenApiDocument } from '../../apps/api/src/http/openapi-document';
import { OpenApiValidator, type Answer } from './openapi-validator';

const answer = (status: number, body: unknown): Answer => ({
  status,
  body,
  text: JSON.stringify(body),
  headers: { 'content-type': 'application/json; charset=utf-8' },
});

const marked = { marked: 2 };
const notFound = { statusCode: 404, error: 'Not Found', message: 'dispute d1 not found' };

describe('OpenApiValidator', () => {
  let validator: OpenApiValidator;

  beforeAll(async () => {
    validator = new OpenApiValidator(await buildOpenApiDocument());
  });

  it('passes a documented status with a matching body', () => {
    expect(validator.problem('POST', '/me/notifications/read-all', answer(200, marked))).toBeNull();
    expect(validator.problem('GET', '/disputes/d1?x=1', answer(404, notFound))).toBeNull();
  });

  it('names an undocumented status', () => {
    expect(validator.problem('GET', '/disputes/d1', answer(500, notFound))).toMatch(
      /GET \/disputes\/\{id\} \(getDispute\) answered 500, which is not documented/,
    );
  });

  it('names a body that does not match, field by field', () => {
    expect(
      validator.problem('POST', '/me/notifications/read-all', answer(200, { marked: 'two' })),
    ).toMatch(/does not match MarkedRead:\n {2}\/marked must be integer/);
    expect(
      validator.problem('POST', '/me/notifications/read-all', answer(200, { ...marked, x: 1 })),
    ).toMatch(/must NOT have additional properties \{"additionalProperty":"x"\}/);
    expect(
      validator.problem('GET', '/disputes/d1', answer(404, { ...notFound, message: ['a'] })),
    ).toMatch(/\/message must be string/);
  });

  it('accepts null only where the document says nullable', () => {
    const list = {
      items: [],
      total: 0,
      totalIsExact: true,
      page: null,
      pageSize: 20,
      nextCursor: null,
    };
    expect(validator.problem('GET', '/disputes', answer(200, list))).toBeNull();
    expect(validator.problem('GET', '/disputes', answer(200, { ...list, total: null }))).toMatch(
      /\/total must be integer/,
    );
  });

  it('names an undocumented operation', () => {
    expect(validator.problem('DELETE', '/disputes/d1', answer(200, {}))).toBe(
      'DELETE /disputes/d1 is not documented',
    );
  });
});
