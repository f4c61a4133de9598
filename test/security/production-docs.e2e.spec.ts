import { randomBytes } from 'node:crypto';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestSqliteDir, type TestSqliteDir } from '../support/databases';
import { testRedisPrefix, wipeRedisPrefix } from '../support/redis';

// Finding 7 of issue 9: the OpenAPI document (Swagger UI and its JSON) describes every route to
// whoever asks, so production does not serve it; development does. The compiled API, as run.
const secret = () => randomBytes(32).toString('base64url');

describe.each([
  ['production', false],
  ['development', true],
] as const)('/docs with NODE_ENV=%s', (nodeEnv, served) => {
  let dir: TestSqliteDir;
  let api: ApiProcess;
  const prefix = testRedisPrefix();

  beforeAll(async () => {
    dir = await createTestSqliteDir();
    api = await startApiProcess({
      NODE_ENV: nodeEnv,
      DATA_DIR: dir.dataDir,
      REDIS_PREFIX: prefix,
      RUN_WORKER: 'false',
      // A production configuration that passes every check (README "Production checklist").
      JWT_SECRET: secret(),
      AUDIT_KEYS: `k1:${secret()}`,
      DATA_KEYS: `d1:${secret()}`,
      ADMIN_PASSWORD: 'a-long-admin-passphrase',
      TRUST_PROXY: 'loopback',
      // Unset, development binds 127.0.0.1 (checked below); production 0.0.0.0 behind its proxy.
      ...(nodeEnv === 'production' ? { HOST: '127.0.0.1' } : {}),
    });
    await api.listening(240_000);
  }, 300_000);

  afterAll(async () => {
    await api?.kill();
    await dir?.drop();
    await wipeRedisPrefix(prefix);
  });

  it(
    served ? 'serves Swagger UI and the JSON' : 'serves neither Swagger UI nor the JSON',
    async () => {
      const ui = await fetch(`${api.url}/docs`);
      const json = await fetch(`${api.url}/docs-json`);
      if (served) {
        expect(ui.status).toBe(200);
        expect(await ui.text()).toMatch(/swagger/i);
        expect(json.status).toBe(200);
        expect(((await json.json()) as { openapi?: string }).openapi).toMatch(/^3\./);
      } else {
        expect(ui.status).toBe(404);
        expect(json.status).toBe(404);
        // The API itself is up: the refusal is the document's, not a dead server's.
        expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
      }
    },
  );

  it('binds the loopback address unless told otherwise', () => {
    expect(api.output()).toContain(`listening on http://127.0.0.1:${api.port}`);
  });
});
