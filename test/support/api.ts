import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig, type AppConfig } from '@tricolor/config';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/http';
import { GENEROUS_LIMITS } from './limits';
import { createTestDatabase, type Driver, type TestDatabase } from './databases';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from './redis';

export interface TestApi {
  app: INestApplication;
  config: AppConfig;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole API on its own fresh database and Redis key prefix, as `npm start` builds it.
 * The timer worker runs in-process unless `RUN_WORKER: 'false'` is passed.
 */
export async function startApi(driver: Driver, env: Record<string, string> = {}): Promise<TestApi> {
  const db = await createTestDatabase(driver);
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
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    db,
    http,
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
