import type { DataSource } from 'typeorm';
import {
  ALL_ENTITIES,
  ALL_MIGRATIONS,
  DisputeEntity,
  DisputeEventEntity,
  DisputeTextEntity,
  createDataSource,
  driverOf,
  newId,
  openDatabase,
  runMigrations,
} from '@tricolor/persistence';
import type { Tier } from '@tricolor/workflow';
import { DRIVERS, createTestDatabase, type TestDatabase } from '../support/databases';
import { disputeRow, seedJurisdiction } from '../support/persistence-fixtures';

const HOUR = 3_600_000;
// Milliseconds that are not zero, so a backfill that dropped them would be caught.
const T0 = Date.parse('2026-05-06T07:08:09.123Z');
const hours = (h: number) => new Date(T0 + h * HOUR);

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const sql =
    driverOf(dataSource) === 'postgres'
      ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`;
  const rows = await dataSource.query<{ name: string }[]>(sql);
  return rows.map((row) => row.name).sort();
}

describe.each(DRIVERS)('migrations on %s', (driver) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeEach(async () => {
    database = await createTestDatabase(driver);
    dataSource = await openDatabase({ ...database.config, migrate: false });
  });

  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  });

  it('creates every table on an empty database, once', async () => {
    expect(await tableNames(dataSource)).toEqual([]);

    expect(await runMigrations(dataSource)).toEqual(ALL_MIGRATIONS.map((m) => new m().name));
    const tables = dataSource.entityMetadatas.map((metadata) => metadata.tableName);
    expect(await tableNames(dataSource)).toEqual([...tables, 'migrations'].sort());

    expect(await runMigrations(dataSource)).toEqual([]);
  });

  it('creates the schema the entities describe', async () => {
    await runMigrations(dataSource);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('reverts every migration with down', async () => {
    await runMigrations(dataSource);
    for (let i = 0; i < ALL_MIGRATIONS.length; i += 1) await dataSource.undoLastMigration();
    expect(await tableNames(dataSource)).toEqual(['migrations']);
    // And up again: down left nothing behind that would block a fresh run.
    expect(await runMigrations(dataSource)).toHaveLength(ALL_MIGRATIONS.length);
  });

  it('backfills the tier clock of existing cases from their audit trail', async () => {
    await runMigrations(dataSource);
    const m = dataSource.manager;
    const workerId = (await seedJurisdiction(m)).id;
    // blue 0-30 h (two records), yellow 30-40 h, blue again from 40 h (two records), open.
    const wandering = disputeRow(workerId, { tier: 'blue', highestTier: 'yellow' });
    // Opened at red and closed there after 5 h.
    const closedRed = disputeRow(workerId, {
      tier: 'red',
      highestTier: 'red',
      status: 'closed',
      closedAt: hours(5),
    });
    await m.insert(DisputeEntity, [wandering, closedRed]);
    const trail = (disputeId: string, records: [Tier, number][]) =>
      records.map(([tier, h], i) =>
        Object.assign(new DisputeEventEntity(), {
          id: newId(),
          disputeId,
          seq: i + 1,
          type: i === 0 ? 'OPEN' : 'SOMETHING',
          actorId: workerId,
          actorRole: 'grid_worker',
          payload: {},
          fromStatus: null,
          toStatus: 'whatever',
          fromTier: null,
          toTier: tier,
          at: hours(h),
          machineVersion: 1,
          idempotencyKey: null,
          prevHash: '0'.repeat(64),
          hash: 'a'.repeat(64),
          response: null,
        }),
      );
    await m.insert(DisputeEventEntity, [
      ...trail(wandering.id, [
        ['blue', 0],
        ['blue', 10],
        ['yellow', 30],
        ['blue', 40],
        ['blue', 45],
      ]),
      ...trail(closedRed.id, [
        ['red', 0],
        ['red', 5],
      ]),
    ]);

    // Down drops the columns (what the fixture wrote is lost), up adds and backfills them.
    const applied = async () =>
      (
        await dataSource.query<unknown[]>(
          `SELECT name FROM migrations WHERE name = 'DisputeTierClock1767398400000'`,
        )
      ).length > 0;
    while (await applied()) await dataSource.undoLastMigration();
    await runMigrations(dataSource);

    expect(await m.findOneByOrFail(DisputeEntity, { id: wandering.id })).toMatchObject({
      openedTier: 'blue',
      tierSince: hours(40),
      blueMs: 30 * HOUR,
      yellowMs: 10 * HOUR,
      redMs: null,
    });
    expect(await m.findOneByOrFail(DisputeEntity, { id: closedRed.id })).toMatchObject({
      openedTier: 'red',
      tierSince: hours(0),
      blueMs: null,
      yellowMs: null,
      redMs: 0,
    });
  });

  it("keeps every case's searchable text in dispute_texts, and the text indexes off disputes", async () => {
    await runMigrations(dataSource);
    const m = dataSource.manager;
    const workerId = (await seedJurisdiction(m)).id;
    const before = disputeRow(workerId, { title: 'Noise after midnight' });
    await m.insert(DisputeEntity, before);
    const textOf = (id: string) => m.findOneBy(DisputeTextEntity, { id });

    // Down drops the table; up copies the cases already there.
    const applied = async () =>
      (
        await dataSource.query<unknown[]>(
          `SELECT name FROM migrations WHERE name = 'DisputeHotPath1768000000000'`,
        )
      ).length > 0;
    while (await applied()) await dataSource.undoLastMigration();
    await runMigrations(dataSource);
    expect(await textOf(before.id)).toEqual({
      id: before.id,
      title: 'Noise after midnight',
      description: before.description,
      reference: before.reference,
    });

    // A case written after it, by any writer, is copied by the trigger; an edit of its text too.
    const after = disputeRow(workerId, { title: 'Parking space taken' });
    await m.insert(DisputeEntity, after);
    expect(await textOf(after.id)).toMatchObject({ title: 'Parking space taken' });
    await m.update(DisputeEntity, { id: after.id }, { status: 'yellow.jointReview', version: 2 });
    await m.update(DisputeEntity, { id: after.id }, { title: 'Parking space, again' });
    expect(await textOf(after.id)).toMatchObject({
      title: 'Parking space, again',
      description: after.description,
    });

    if (driver === 'postgres') {
      const indexes = await dataSource.query<{ tablename: string; indexname: string }[]>(
        `SELECT tablename, indexname FROM pg_indexes WHERE indexname LIKE '%trgm' ORDER BY 2`,
      );
      // Every transition updates disputes: no GIN index there to re-extract unchanged text.
      expect(indexes.filter((i) => i.tablename === 'disputes')).toEqual([]);
      const [options] = await dataSource.query<{ reloptions: string[] | null }[]>(
        `SELECT reloptions FROM pg_class WHERE relname = 'disputes'`,
      );
      expect(options?.reloptions).toEqual(['fillfactor=90']);
    }
  });

  it('registers every entity', () => {
    expect(dataSource.entityMetadatas.map((m) => m.target)).toEqual(
      expect.arrayContaining(ALL_ENTITIES),
    );
  });
});

describe('migrations on postgres from replicas starting together', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('postgres');
  });
  afterEach(() => database.drop());

  it('run once, the others waiting on the lock and finding nothing to do', async () => {
    const replicas = await Promise.all(
      [1, 2, 3].map(() => createDataSource({ ...database.config, poolSize: 2 }).initialize()),
    );
    try {
      const ran = await Promise.all(replicas.map((replica) => runMigrations(replica)));
      expect(ran.map((names) => names.length).sort()).toEqual([0, 0, ALL_MIGRATIONS.length]);
    } finally {
      await Promise.all(replicas.map((replica) => replica.destroy()));
    }
  });
});
