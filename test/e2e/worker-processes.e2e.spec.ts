import { DisputeEventEntity, TimerEntity } from '@tricolor/persistence';
import {
  JurisdictionService,
  OpenDisputeService,
  verifyChain,
  type OpenDisputeCommand,
} from '@tricolor/core';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { waitFor } from '../support/wait';
import { buildWorld, disputeBody, type World } from '../support/world';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

// Separate worker processes share one PostgreSQL and one Redis queue, as when scaled out.
describe('timer worker processes on PostgreSQL', () => {
  let api: TestApi;
  let world: World;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    api = await startApi('postgres', { RUN_WORKER: 'false', DEADLINE_BLUE_MEDIATION: 'PT3S' });
    world = await buildWorld(api);
  }, 120_000);
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.kill()));
  });
  afterAll(() => api?.close());

  const workerEnv = () => ({
    DATABASE_URL: api.config.databaseUrl ?? '',
    DATA_DIR: api.config.dataDir,
    REDIS_URL: api.config.redisUrl,
    REDIS_PREFIX: api.config.redisPrefix,
    RECONCILE_INTERVAL: 'PT2S',
    WORKER_LOCK_DURATION: 'PT2S',
    WORKER_CONCURRENCY: '8',
    DB_POOL_SIZE: '4',
  });

  async function openCases(n: number): Promise<string[]> {
    const actor = await api.app.get(JurisdictionService).actorFor({
      id: world.id.gw1,
      role: 'grid_worker',
      unitCode: 'G1',
    });
    const opening = api.app.get(OpenDisputeService);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await opening.open(actor, disputeBody() as OpenDisputeCommand)).id);
    }
    return ids;
  }

  async function expiredPerCase(ids: string[]): Promise<Map<string, number>> {
    const rows = await api.app
      .get(DataSource)
      .createQueryBuilder(DisputeEventEntity, 'e')
      .select('e.dispute_id', 'disputeId')
      .addSelect('COUNT(*)', 'n')
      .where('e.type = :type AND e.dispute_id IN (:...ids)', { type: 'DEADLINE_EXPIRED', ids })
      .groupBy('e.dispute_id')
      .getRawMany<{ disputeId: string; n: number | string }>();
    return new Map(rows.map((r) => [r.disputeId, Number(r.n)]));
  }

  async function expectEachFiredOnce(ids: string[]): Promise<void> {
    const counts = await waitFor(
      `all ${ids.length} deadlines to fire`,
      async () => {
        const c = await expiredPerCase(ids);
        return c.size === ids.length ? c : undefined;
      },
      60_000,
      250,
    );
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    const ds = api.app.get(DataSource);
    const deadlines = await ds.getRepository(TimerEntity).find({
      where: ids.map((disputeId) => ({ disputeId, kind: 'deadline', statePath: 'blue.mediating' })),
    });
    expect(deadlines).toHaveLength(ids.length);
    expect(deadlines.filter((t) => t.status !== 'fired')).toEqual([]);
    for (const id of ids) {
      const records = await ds
        .getRepository(DisputeEventEntity)
        .find({ where: { disputeId: id }, order: { seq: 'ASC' } });
      expect(verifyChain(records)).toMatchObject({ intact: true });
    }
  }

  it('two workers on one queue fire each of 300 timers exactly once', async () => {
    const ids = await openCases(300);
    workers.push(startWorkerProcess(workerEnv()), startWorkerProcess(workerEnv()));
    await expectEachFiredOnce(ids);
  }, 120_000);

  it('loses nothing when a worker is killed with SIGKILL in the middle of its jobs', async () => {
    const ids = await openCases(120);
    const first = startWorkerProcess(workerEnv());
    workers.push(first);
    await waitFor(
      'the first worker to start firing',
      async () => ((await expiredPerCase(ids)).size >= 5 ? true : undefined),
      30_000,
      20,
    );
    await first.kill();
    const fired = (await expiredPerCase(ids)).size;
    expect(fired).toBeLessThan(ids.length);
    workers.push(startWorkerProcess(workerEnv()));
    await expectEachFiredOnce(ids);
  }, 120_000);
});
