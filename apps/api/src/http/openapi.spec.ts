import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Public } from '../auth/public.decorator';
import { configureApp } from './configure-app';

@Controller('t')
class DocsTestController {
  @Get('secret')
  secret(): string {
    return 'x';
  }

  @Public()
  @Get('health')
  health(): string {
    return 'ok';
  }
}

describe('OpenAPI document', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [DocsTestController],
    }).compile();
    app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
  });

  afterAll(() => app.close());

  it('serves the document at /docs-json with bearer auth required by default', async () => {
    const res = await request(app.getHttpServer()).get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.title).toBe('Tricolor');
    expect(res.body.components.securitySchemes.bearer).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(res.body.security).toEqual([{ bearer: [] }]);
    expect(res.body.paths['/t/secret'].get.security).toBeUndefined();
    // @Public() routes say they can be called anonymously.
    expect(res.body.paths['/t/health'].get.security).toEqual([{}]);
  });

  it('serves the UI at /docs', async () => {
    const res = await request(app.getHttpServer()).get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
