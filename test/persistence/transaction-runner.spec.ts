import type { DataSource, EntityManager } from 'typeorm';
import {
  DisputeEntity,
  DisputeEventEntity,
  TransactionRunner,
  isUniqueViolation,
  newId,
  openDatabase,
} from '@tricolor/persistence';
import { DRIVERS, createMigratedTestDatabase, type TestDatabase } from '../support/databases';
import { disputeRow, seedJurisdiction } from '../support/persistence-fixtures';

class VersionConflict extends Error {}

const eventRow = (disputeId: string, seq: number, caller: number): DisputeEventEntity =>
  Object.assign(new DisputeEventEntity(), {
    id: newId(),
    disputeId,
    seq,
    type: 'EXTEND_DEADLINE',
    actorId: 'system',
    actorRole: 'system',
    payload: { caller },
    fromStatus: 'blue.mediating',
    toStatus: 'blue.mediating',
    fromTier: 'blue',
    toTier: 'blue',
    at: new Date(),
    machineVersion: 1,
    idempotencyKey: null,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
    response: null,
  });

/** One step as the case service takes it: read the version, append the event, bump the version. */
async function appendEvent(manager: EntityManager, disputeId: string, caller: number) {
  const { version } = await manager.findOneByOrFail(DisputeEntity, { id: disputeId });
  // A real step awaits more between read and write (hashing, the workflow); let others run.
  await new Promise((resolve) => setImmediate(resolve));
  await manager.insert(DisputeEventEntity, eventRow(disputeId, version + 1, caller));
  const { affected } = await manager
    .createQueryBuilder()
    .update(DisputeEntity)
    .set({ version: version + 1 })
    .where('id = :id AND version = :version', { id: disputeId, version })
    .execute();
  if (affected !== 1) throw new VersionConflict(`version ${version} is stale`);
}

/** Retries a step that lost a race, as the service does; returns how many attempts it took. */
async function withRetry(runner: TransactionRunner, work: (m: EntityManager) => Promise<void>) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await runner.run(work);
      return attempt;
    } catch (error) {
      const lostRace = error instanceof VersionConflict || isUniqueViolation(error);
      if (!lostRace || attempt === 200) throw error;
    }
  }
}

describe.each(DRIVERS)('TransactionRunner on %s', (driver) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: TransactionRunner;
  let disputeId: string;

  beforeEach(async () => {
    database = await createMigratedTestDatabase(driver);
    dataSource = await openDatabase(database.config);
    runner = new TransactionRunner(dataSource);
    const worker = await seedJurisdiction(dataSource.manager);
    const dispute = disputeRow(worker.id, { version: 0 });
    disputeId = dispute.id;
    await dataSource.manager.insert(DisputeEntity, dispute);
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const events = () =>
    dataSource.manager.find(DisputeEventEntity, { where: { disputeId }, order: { seq: 'ASC' } });
  const version = async () =>
    (await dataSource.manager.findOneByOrFail(DisputeEntity, { id: disputeId })).version;

  it('lands 50 concurrent transactions intact', async () => {
    // Two runners on one DataSource, as when two services each construct their own.
    const runners = [runner, new TransactionRunner(dataSource)];
    const attempts = await Promise.all(
      Array.from({ length: 50 }, (_, caller) =>
        withRetry(runners[caller % 2] ?? runner, (m) => appendEvent(m, disputeId, caller)),
      ),
    );

    expect(await version()).toBe(50);
    const trail = await events();
    expect(trail.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const callers = trail.map((e) => (e.payload as { caller: number }).caller);
    expect(callers.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    if (driver === 'sqlite') {
      // Serialised: nobody ever read a stale version.
      expect(attempts.every((n) => n === 1)).toBe(true);
    }
  });

  it('rolls back a failed unit of work and lets the next one run', async () => {
    const failure = new Error('the workflow refused');
    // Writes that conflict with nothing the next run does, so only the rollback is on trial.
    const failed = runner.run(async (manager) => {
      await manager.update(DisputeEntity, { id: disputeId }, { title: 'half-written' });
      await manager.insert(DisputeEventEntity, eventRow(disputeId, 99, 1));
      throw failure;
    });
    // On SQLite this one queues behind the failed one and must still get its turn.
    const next = runner.run((manager) => appendEvent(manager, disputeId, 2));

    await expect(failed).rejects.toBe(failure);
    await next;
    const dispute = await dataSource.manager.findOneByOrFail(DisputeEntity, { id: disputeId });
    expect(dispute).toMatchObject({ version: 1, title: disputeRow('x').title });
    expect((await events()).map((e) => [e.seq, (e.payload as { caller: number }).caller])).toEqual([
      [1, 2],
    ]);
  });

  it('returns what the unit of work returns', async () => {
    await expect(runner.run(async (manager) => manager.countBy(DisputeEntity, {}))).resolves.toBe(
      1,
    );
  });

  it('joins a nested run as a savepoint instead of waiting for itself', async () => {
    await runner.run(async (manager) => {
      await appendEvent(manager, disputeId, 1);
      await runner.run((inner) => appendEvent(inner, disputeId, 2));
      // A nested failure rolls back to its savepoint; the outer work goes on.
      await expect(
        runner.run(async (inner) => {
          await appendEvent(inner, disputeId, 3);
          throw new Error('inner refused');
        }),
      ).rejects.toThrow('inner refused');
      await appendEvent(manager, disputeId, 4);
    });

    expect(await version()).toBe(3);
    expect((await events()).map((e) => (e.payload as { caller: number }).caller)).toEqual([
      1, 2, 4,
    ]);
  });

  it('rolls back nested work with the outer transaction', async () => {
    await expect(
      runner.run(async () => {
        await runner.run((inner) => appendEvent(inner, disputeId, 1));
        throw new Error('outer refused');
      }),
    ).rejects.toThrow('outer refused');
    expect(await version()).toBe(0);
    expect(await events()).toEqual([]);
  });
});
