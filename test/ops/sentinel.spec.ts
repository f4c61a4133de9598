import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { freePort, startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestSqliteDir, type TestSqliteDir } from '../support/databases';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from '../support/redis';
import { waitFor } from '../support/wait';

// A Sentinel (redis-server --sentinel, as Debian's redis-sentinel is) beside the test Redis.
describe('connecting through Redis Sentinel (REDIS_SENTINELS)', () => {
  let dir: string;
  let sentinel: ChildProcess;
  let port: number;
  let data: TestSqliteDir;
  let api: ApiProcess;
  const prefix = testRedisPrefix();
  const name = `tricolor-test-${prefix.slice(-8)}`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tricolor-sentinel-'));
    port = await freePort();
    const primary = new URL(TEST_REDIS_URL);
    const conf = path.join(dir, 'sentinel.conf');
    await writeFile(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${name} ${primary.hostname} ${primary.port || 6379} 1`,
        `sentinel down-after-milliseconds ${name} 60000`,
        '',
      ].join('\n'),
    );
    sentinel = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    probe.on('error', () => undefined);
    await waitFor('the sentinel to know the primary', async () => {
      const addr = (await probe
        .call('SENTINEL', 'get-master-addr-by-name', name)
        .catch(() => null)) as string[] | null;
      return addr !== null && addr.length === 2;
    });
    probe.disconnect();
    data = await createTestSqliteDir();
    api = await startApiProcess({
      DATA_DIR: data.dataDir,
      // Nothing listens here: the Sentinel names the Redis to use.
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      REDIS_SENTINELS: `127.0.0.1:${port}`,
      REDIS_SENTINEL_NAME: name,
      REDIS_PREFIX: prefix,
    });
    await api.listening();
  }, 60_000);
  afterAll(async () => {
    await api?.kill();
    sentinel?.kill('SIGKILL');
    await data?.drop();
    await rm(dir, { recursive: true, force: true });
    await wipeRedisPrefix(prefix);
  });

  it('finds the primary through the Sentinel: ready, with its worker beating in Redis', async () => {
    const ready = await waitFor('ready through the sentinel', async () => {
      const res = await fetch(`${api.url}/health/ready`);
      return res.status === 200 ? ((await res.json()) as object) : undefined;
    });
    expect(ready).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up', migrations: 'up', worker: 'up' },
    });
    // The heartbeat landed in the test Redis, under the prefix.
    const redis = new Redis(TEST_REDIS_URL);
    try {
      expect(await redis.zcard(`${prefix}:workers`)).toBe(1);
    } finally {
      redis.disconnect();
    }
  });
});
