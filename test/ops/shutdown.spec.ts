import { createTestPostgresDatabase, createTestSqliteDir } from '../support/databases';
import { freePort, startApiProcess, type ApiProcess } from '../support/api-process';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from '../support/redis';
import { waitFor } from '../support/wait';

async function get(url: string): Promise<{ status: number; body: { status?: string } }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: (await res.json()) as { status?: string } };
}

/** Seconds from SIGTERM to exit. */
async function timeToExit(api: ApiProcess): Promise<{ seconds: number; code: number | null }> {
  const started = Date.now();
  const code = await api.stop('SIGTERM');
  return { seconds: (Date.now() - started) / 1000, code };
}

// Real processes: Nest's shutdown hooks, ioredis and the pg pool all have to let go.
describe('health probes and bounded shutdown of a real API process', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function sqliteApi(env: Record<string, string>): Promise<ApiProcess> {
    const dir = await createTestSqliteDir();
    cleanups.push(() => dir.drop());
    const api = await startApiProcess({ DATA_DIR: dir.dataDir, ...env });
    cleanups.push(() => api.kill());
    await api.listening();
    return api;
  }

  it('with Redis unreachable: not ready, 503 "draining" after SIGTERM, gone within SHUTDOWN_TIMEOUT', async () => {
    const deadPort = await freePort();
    const api = await sqliteApi({
      REDIS_URL: `redis://127.0.0.1:${deadPort}`,
      SHUTDOWN_DRAIN: 'PT2S',
      SHUTDOWN_TIMEOUT: 'PT6S',
    });
    expect(await get(`${api.url}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await get(`${api.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'down', checks: { database: 'up', redis: 'down' } });

    const exit = timeToExit(api);
    const draining = await waitFor('ready to report draining', async () => {
      const r = await get(`${api.url}/health/ready`).catch(() => undefined);
      return r?.body.status === 'draining' ? r : undefined;
    });
    expect(draining.status).toBe(503);
    // Live stays up while draining: the orchestrator must not kill the process early.
    expect((await get(`${api.url}/health/live`)).status).toBe(200);
    const { seconds } = await exit;
    expect(seconds).toBeLessThan(6 + 1.5);
    expect(api.output()).toContain('SIGTERM: draining');
  }, 40_000);

  it('with the default SHUTDOWN_TIMEOUT (10 s) and Redis unreachable, exits within it', async () => {
    const api = await sqliteApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    const { seconds } = await timeToExit(api);
    expect(seconds).toBeLessThan(10 + 1.5);
  }, 40_000);

  it('with PostgreSQL unreachable during boot, exits within SHUTDOWN_TIMEOUT', async () => {
    const dir = await createTestSqliteDir();
    cleanups.push(() => dir.drop());
    const api = await startApiProcess({
      DATA_DIR: dir.dataDir,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
      REDIS_URL: TEST_REDIS_URL,
      SHUTDOWN_TIMEOUT: 'PT4S',
    });
    cleanups.push(() => api.kill());
    await waitFor('the boot to retry the database', () =>
      Promise.resolve(api.output().includes('Unable to connect to the database')),
    );
    const { seconds } = await timeToExit(api);
    expect(seconds).toBeLessThan(4 + 1.5);
  }, 40_000);

  it('healthy on PostgreSQL and Redis with its worker: ready 200, then a clean exit 0', async () => {
    const db = await createTestPostgresDatabase();
    const prefix = testRedisPrefix();
    cleanups.push(() => db.drop());
    cleanups.push(() => wipeRedisPrefix(prefix));
    const api = await startApiProcess({
      DATA_DIR: '/tmp',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      SHUTDOWN_DRAIN: 'PT0.2S',
    });
    cleanups.push(() => api.kill());
    await api.listening();
    const ready = await waitFor('ready', async () => {
      const r = await get(`${api.url}/health/ready`);
      return r.status === 200 ? r : undefined;
    });
    expect(ready.body).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up', migrations: 'up', worker: 'up' },
    });
    // The old endpoint keeps its shape (DESIGN.md §6).
    expect(await get(`${api.url}/health`)).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up', redis: 'up' },
    });
    const { seconds, code } = await timeToExit(api);
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(5);
  }, 60_000);
});
