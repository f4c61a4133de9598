import { jest } from '@jest/globals';
import {
  Body,
  Controller,
  Get,
  Logger,
  NotFoundException,
  Param,
  Post,
  type INestApplication,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import request from 'supertest';
import { configureApp } from './configure-app';
import {
  ConflictError,
  EventRefusedError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
  type KnownDomainError,
} from '@tricolor/core';

class PartyDto {
  @IsString()
  name: string;

  @IsIn(['applicant', 'respondent'])
  role: string;
}

class OpenDisputeDto {
  @IsString()
  @IsNotEmpty()
  title: string;

  @IsOptional()
  @IsInt()
  amount?: number;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];
}

const domainErrors: Record<string, () => KnownDomainError> = {
  'not-found': () => NotFoundError.of('dispute', 'd1'),
  forbidden: () => new ForbiddenError('not your grid'),
  conflict: () => ConflictError.staleVersion(2, 3),
  refused: () => new EventRefusedError('CONVENE_PANEL', 'no court member', ['ESCALATE']),
  invalid: () => new InvalidInputError('tierReason', 'is required to pick a lower tier'),
  unavailable: () => new UnavailableError('database unreachable'),
};

// A throwaway controller that exercises the edge, nothing of the product.
@Controller('t')
class EdgeTestController {
  @Post('disputes')
  open(@Body() dto: OpenDisputeDto): { isDto: boolean; title: string } {
    return { isDto: dto instanceof OpenDisputeDto, title: dto.title };
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to postgres://admin:hunter2@db failed');
  }

  @Get('http')
  http(): never {
    throw new NotFoundException('unit G-9 not found');
  }

  @Get('domain/:kind')
  domain(@Param('kind') kind: string): never {
    throw domainErrors[kind]();
  }
}

const validBody = { title: 'Noise at night', parties: [{ name: 'Li Wei', role: 'applicant' }] };

describe('configureApp (e2e)', () => {
  let app: INestApplication;
  const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [EdgeTestController],
    }).compile();
    app = configureApp(moduleRef.createNestApplication({ logger: false }), { bodyLimit: '10kb' });
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    logged.mockRestore();
  });

  const post = (body: string | object, type = 'application/json') =>
    request(app.getHttpServer()).post('/t/disputes').set('Content-Type', type).send(body);

  describe('bodies', () => {
    it('accepts a valid body and hands the handler a DTO instance', async () => {
      const res = await post(validBody);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ isDto: true, title: 'Noise at night' });
    });

    it('answers malformed JSON with 400 naming the problem', async () => {
      const res = await post('{"title": "x",');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringMatching(/^malformed JSON body: .+/),
      });
    });

    it('answers a body over the limit with 413', async () => {
      const res = await post({ ...validBody, title: 'x'.repeat(20_000) });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'request body too large: the limit is 10240 bytes',
      });
    });

    it('answers a body that is not JSON with 415', async () => {
      const res = await post('title=x', 'application/x-www-form-urlencoded');
      expect(res.status).toBe(415);
      expect(res.body).toEqual({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'request body must be application/json, got application/x-www-form-urlencoded',
      });
    });

    it('reads a request without a body as an empty object, naming the missing fields', async () => {
      const res = await request(app.getHttpServer()).post('/t/disputes');
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('title must be a string');
      expect(res.body.errors).toContainEqual({
        field: 'title',
        message: 'title must be a string',
        code: 'MUST_BE_TEXT',
      });
    });

    it('accepts a JSON content type with a charset', async () => {
      const res = await post(JSON.stringify(validBody), 'application/json; charset=utf-8');
      expect(res.status).toBe(201);
    });
  });

  describe('validation', () => {
    it('names an unknown field', async () => {
      const res = await post({ ...validBody, foo: 1 });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'property foo should not exist',
        errors: [{ field: 'foo', message: 'property foo should not exist', code: 'UNKNOWN_FIELD' }],
      });
    });

    it('names a field of the wrong type', async () => {
      const res = await post({ ...validBody, title: 42, amount: 'lots' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'title', message: 'title must be a string', code: 'MUST_BE_TEXT' },
          {
            field: 'amount',
            message: 'amount must be an integer number',
            code: 'MUST_BE_INTEGER',
          },
        ]),
      );
      expect(res.body.message).toMatch(/title must be a string; .*amount must be an integer/);
    });

    it('names a missing field', async () => {
      const res = await post({ parties: validBody.parties });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual(
        expect.arrayContaining(['title should not be empty', 'title must be a string']),
      );
    });

    it('names the path of a bad item in a nested array', async () => {
      const res = await post({
        title: 'x',
        parties: [
          { name: 'Li Wei', role: 'applicant' },
          { name: 7, role: 'witness', phone: '138' },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          {
            field: 'parties.1.name',
            message: 'parties.1.name must be a string',
            code: 'MUST_BE_TEXT',
          },
          {
            field: 'parties.1.role',
            message: expect.stringMatching(/^parties\.1\.role must be one of the following values/),
            code: 'NOT_ALLOWED_VALUE',
          },
          {
            field: 'parties.1.phone',
            message: 'property parties.1.phone should not exist',
            code: 'UNKNOWN_FIELD',
          },
        ]),
      );
    });

    it('refuses a JSON array where an object is expected', async () => {
      const res = await post([validBody]);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'body must be a JSON object',
        errors: [{ field: 'body', message: 'body must be a JSON object', code: 'INVALID_INPUT' }],
      });
    });
  });

  describe('errors', () => {
    it('hides an unknown error behind a generic 500 and logs it', async () => {
      logged.mockClear();
      const res = await request(app.getHttpServer()).get('/t/boom');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'internal server error',
      });
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
      expect(logged).toHaveBeenCalledWith(
        expect.stringContaining('hunter2'),
        expect.stringContaining('EdgeTestController'),
      );
    });

    it('keeps the shape for Nest exceptions and unknown routes', async () => {
      const thrown = await request(app.getHttpServer()).get('/t/http');
      expect(thrown.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'unit G-9 not found',
      });
      const missing = await request(app.getHttpServer()).get('/nowhere');
      expect(missing.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Cannot GET /nowhere',
      });
    });

    it.each([
      ['not-found', 404, 'Not Found', 'dispute d1 not found'],
      ['forbidden', 403, 'Forbidden', 'not your grid'],
      ['conflict', 409, 'Conflict', 'stale version: expected 2, the case is at 3'],
      ['invalid', 400, 'Bad Request', 'tierReason is required to pick a lower tier'],
      ['unavailable', 503, 'Service Unavailable', 'database unreachable'],
    ])('maps the %s domain error', async (kind, statusCode, error, message) => {
      const res = await request(app.getHttpServer()).get(`/t/domain/${kind}`);
      expect(res.status).toBe(statusCode);
      const errors =
        kind === 'invalid'
          ? { errors: [{ field: 'tierReason', message, code: 'INVALID_INPUT' }] }
          : {};
      expect(res.body).toEqual({ statusCode, error, message, ...errors });
    });

    it('puts reason and allowedEvents in a 422 body', async () => {
      const res = await request(app.getHttpServer()).get('/t/domain/refused');
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'CONVENE_PANEL refused: no court member',
        event: 'CONVENE_PANEL',
        reason: 'no court member',
        allowedEvents: ['ESCALATE'],
      });
    });
  });
});
