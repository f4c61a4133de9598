import { ALL_MIGRATIONS } from '@tricolor/persistence';
import { Client } from 'pg';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { createTestPostgresDatabase, type TestPostgresDatabase } from '../support/databases';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from '../support/redis';

// Two replicas started together on an empty database: pg_advisory_lock lets one migrate while
// the other waits, then finds nothing pending. Both come up; each migration ran once.
describe('two API replicas starting together on an empty PostgreSQL database', () => {
  let db: TestPostgresDatabase;
  const prefix = testRedisPrefix();
  const replicas: ApiProcess[] = [];

  beforeAll(async () => {
    db = await createTestPostgresDatabase();
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    await db.drop();
    await wipeRedisPrefix(prefix);
  });

  it('both boot and become ready; every migration is recorded exactly once', async () => {
    const env = {
      DATA_DIR: '/tmp',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      RUN_WORKER: 'false',
      DB_POOL_SIZE: '3',
    };
    replicas.push(...(await Promise.all([startApiProcess(env), startApiProcess(env)])));
    await Promise.all(replicas.map((r) => r.listening(60_000)));

    for (const replica of replicas) {
      const res = await fetch(`${replica.url}/health/ready`);
      expect(res.status).toBe(200);
    }
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: string }>(
        'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name ORDER BY name',
      );
      expect(rows.map((r) => r.name).sort()).toEqual(
        ALL_MIGRATIONS.map((m) => new m().name ?? m.name).sort(),
      );
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      // The bootstrap admin is created once too, however the two raced.
      const admins = await client.query("SELECT id FROM users WHERE username = 'admin'");
      expect(admins.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  }, 90_000);
});
