import type { DataSource } from 'typeorm';
import {
  ALL_ENTITIES,
  ALL_MIGRATIONS,
  createDataSource,
  driverOf,
  openDatabase,
  runMigrations,
} from '@tricolor/persistence';
import { DRIVERS, createTestDatabase, type TestDatabase } from '../support/databases';

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
