import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig, type AppConfig } from '@tricolor/config';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/http';
import { GENEROUS_LIMITS } from './limits';
import { createMigratedTestDatabase, type Driver, type TestDatabase } from './databases';
import { OpenApiValidator } from './openapi-validator';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from './redis';

export interface TestApi {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  /** Requests whose answers are checked against the OpenAPI document (see checkedAgent). */
  http: () => ReturnType<typeof request>;
  /** Requests left unchecked, for a test that wants an answer the document need not describe. */
  raw: () => ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole API on its own fresh database and Redis key prefix, as `npm start` builds it.
 * The timer worker runs in-process unless `RUN_WORKER: 'false'` is passed.
 */
export async function startApi(driver: Driver, env: Record<string, string> = {}): Promise<TestApi> {
  const db = await createMigratedTestDatabase(driver);
  const config = loadConfig({
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: testRedisPrefix(),
    NODE_ENV: 'test',
    DATA_DIR: db.config.dataDir,
    ...(db.config.databaseUrl ? { DATABASE_URL: db.config.databaseUrl } : {}),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'admin-password',
    JWT_SECRET: 'test-secret-test-secret-test-secret',
    ...GENEROUS_LIMITS,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config)],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app);
  await app.init();
  const raw = () => request(app.getHttpServer());
  const validator = OpenApiValidator.forApp(app);
  const http = () => checkedAgent(raw(), validator);
  return {
    app,
    config,
    db,
    http,
    raw,
    async login(username, password = 'password-123') {
      const res = await http().post('/auth/login').send({ username, password });
      if (res.status !== 200)
        throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { accessToken: string }).accessToken;
    },
    async close() {
      await app.close();
      await db.drop();
      await wipeRedisPrefix(config.redisPrefix);
    },
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/**
 * Every answer a suite awaits is held to the OpenAPI document: an undocumented status, or a
 * body that does not match the documented schema, rejects the request with an error naming
 * the operation, the status and what does not match, so the test fails where it sent it.
 */
export function checkedAgent(
  agent: ReturnType<typeof request>,
  validator: OpenApiValidator,
): ReturnType<typeof request> {
  for (const method of METHODS) {
    const send = agent[method].bind(agent);
    agent[method] = (url: string) => {
      const test = send(url);
      const then = test.then.bind(test);
      test.then = ((onFulfilled, onRejected) =>
        then((res) => {
          const problem = validator.problem(method.toUpperCase(), url, res);
          if (problem !== null) {
            throw new Error(`OpenAPI contract: ${problem}\nbody: ${bodyText(res)}`);
          }
          return res;
        }).then(onFulfilled, onRejected)) as typeof test.then;
      return test;
    };
  }
  return agent;
}

function bodyText(res: { body?: unknown; text?: string }): string {
  const text = res.text ?? JSON.stringify(res.body);
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}
