import { Test } from '@nestjs/testing';
import { loadConfig, type AppConfig } from '@tricolor/config';
import { DisputeEventEntity } from '@tricolor/persistence';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS, type Driver } from '../support/databases';
import { wipeRedisPrefix } from '../support/redis';
import { waitFor } from '../support/wait';
import { buildWorld, disputeBody } from '../support/world';

const ROOT = path.resolve(__dirname, '../..');
const exec = promisify(execFile);

/** Runs a compiled ops script (`npm run backup|restore|verify:all`) with the API's settings. */
async function script(
  name: 'backup' | 'restore' | 'verify-all',
  config: AppConfig,
  args: string[] = [],
): Promise<{ code: number; out: string }> {
  const entry = path.join(ROOT, `dist/scripts/ops/${name}.js`);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build`);
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    DATA_DIR: config.dataDir,
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
  };
  try {
    const { stdout, stderr } = await exec(process.execPath, [entry, ...args], { cwd: ROOT, env });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.each(DRIVERS)('backup, restore and verify:all on %s', (driver: Driver) => {
  let api: TestApi;
  let backups: string;

  beforeAll(async () => {
    // No worker yet: the deadlines fall due but nothing fires them before the backup.
    api = await startApi(driver, { RUN_WORKER: 'false', DEADLINE_BLUE_MEDIATION: 'PT1S' });
    backups = await mkdtemp(path.join(tmpdir(), 'tricolor-backups-'));
  }, 60_000);
  afterAll(async () => {
    await api.db.drop();
    await wipeRedisPrefix(api.config.redisPrefix);
    await rm(backups, { recursive: true, force: true });
  });

  it('restores exactly the backed-up cases, reconciles their timers, and finds broken chains', async () => {
    const world = await buildWorld(api);
    const open = async () => {
      const res = await api
        .http()
        .post('/disputes')
        .set('Authorization', `Bearer ${world.token.gw1}`)
        .send(disputeBody());
      return (res.body as { id: string }).id;
    };
    const kept = [await open(), await open(), await open()];
    await api
      .http()
      .post(`/disputes/${kept[0]}/events`)
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send({ type: 'ESCALATE', reason: 'needs a lawyer' })
      .expect(200);

    const file = path.join(backups, driver === 'postgres' ? 'tricolor.dump' : 'tricolor.sqlite');
    const backup = await script('backup', api.config, [file]);
    expect(backup).toMatchObject({ code: 0, out: expect.stringContaining('backup written') });
    const lost = await open(); // after the backup: the restore takes it away

    await api.app.close(); // the service is stopped for a restore
    expect(await script('restore', api.config, [file])).toMatchObject({ code: 0 });
    const verified = await script('verify-all', api.config);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('"cases":3');
    expect(verified.out).toContain('"broken":0');

    // Redis lost its queue too: the worker's reconcile on start re-queues the due deadlines.
    await wipeRedisPrefix(api.config.redisPrefix);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: api.config.dataDir,
      ...(api.config.databaseUrl ? { DATABASE_URL: api.config.databaseUrl } : {}),
      REDIS_URL: api.config.redisUrl,
      REDIS_PREFIX: api.config.redisPrefix,
      RECONCILE_INTERVAL: 'PT1S',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config)],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const ds = app.get(DataSource);
      const expired = await waitFor(
        'the restored deadlines to fire',
        async () => {
          const rows = await ds
            .getRepository(DisputeEventEntity)
            .find({ where: { type: 'DEADLINE_EXPIRED' } });
          return rows.length >= 2 ? rows : undefined;
        },
        30_000,
        200,
      );
      // The escalated case waits on its yellow deadline (a day); the two blue ones fired.
      expect(new Set(expired.map((e) => e.disputeId))).toEqual(new Set(kept.slice(1)));
      expect(await ds.query(`SELECT id FROM disputes WHERE id = '${lost}'`)).toEqual([]);

      // Someone who owns the database lifts the append-only trigger and edits a record behind the
      // service's back: verify:all names the case.
      await ds.query(
        driver === 'postgres'
          ? 'ALTER TABLE dispute_events DISABLE TRIGGER USER'
          : 'DROP TRIGGER tg_dispute_events_no_update',
      );
      await ds.query(
        `UPDATE dispute_events SET actor_role = 'supervisor' WHERE dispute_id = '${kept[1]}' AND seq = 1`,
      );
      const tampered = await script('verify-all', api.config);
      expect(tampered.code).toBe(1);
      expect(tampered.out).toMatch(new RegExp(`BROKEN TC-\\S+ \\(${kept[1]}\\) at record 1`));
      expect(tampered.out).toContain('"broken":1');
    } finally {
      await app.close();
    }
  }, 90_000);
});
