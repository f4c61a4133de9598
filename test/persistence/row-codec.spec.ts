import type { DataSource } from 'typeorm';
import {
  DisputeEntity,
  RowCodec,
  TransactionRunner,
  WriteBatch,
  isUniqueViolation,
  openDatabase,
  runStatement,
} from '@tricolor/persistence';
import { DRIVERS, createMigratedTestDatabase, type TestDatabase } from '../support/databases';
import { disputeRow, seedJurisdiction } from '../support/persistence-fixtures';

// The transition path writes with RowCodec and WriteBatch instead of TypeORM's repositories:
// what it writes must read back through TypeORM unchanged, and a batch is all or nothing.
describe.each(DRIVERS)('RowCodec and WriteBatch on %s', (driver) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: TransactionRunner;
  let workerId: string;

  beforeEach(async () => {
    database = await createMigratedTestDatabase(driver);
    dataSource = await openDatabase(database.config);
    runner = new TransactionRunner(dataSource);
    workerId = (await seedJurisdiction(dataSource.manager)).id;
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const read = (id: string) => dataSource.manager.findOneByOrFail(DisputeEntity, { id });

  it('writes rows that TypeORM reads back as written, and reads them back the same', async () => {
    const row = disputeRow(workerId, { amount: 1234.5, overdue: true, closedAt: null });
    await runner.run((m) => runStatement(m, RowCodec.of(m, DisputeEntity).insert([row])));

    const viaTypeorm = await read(row.id);
    expect(viaTypeorm).toEqual(row);
    const viaCodec = await runner.run(async (m) => {
      const codec = RowCodec.of(m, DisputeEntity);
      const values: unknown[] = [];
      const where = codec.bind('d.id = :id', { id: row.id }, values);
      const { rows } = await runStatement(m, [
        `SELECT ${codec.selectList('d')} FROM disputes d WHERE ${where}`,
        values,
      ]);
      return codec.hydrate(rows[0] ?? {});
    });
    expect({ ...viaCodec }).toEqual({ ...viaTypeorm });
  });

  it('runs a batch in order and says how many rows each statement changed', async () => {
    const a = disputeRow(workerId, { version: 3 });
    const b = disputeRow(workerId, { version: 3 });
    const affected = await runner.run((m) => {
      const codec = RowCodec.of(m, DisputeEntity);
      return new WriteBatch()
        .add(codec.insert([a, b]))
        .add(codec.update({ title: 'renamed', overdue: true }, 'version = :v', { v: 3 }))
        .add(codec.update({ title: 'never' }, 'id = :id AND version = :v', { id: a.id, v: 99 }))
        .run(m);
    });
    // On PostgreSQL the statements share one snapshot: the UPDATE does not see the INSERT's rows.
    expect(affected).toEqual(driver === 'postgres' ? [2, 0, 0] : [2, 2, 0]);
    expect((await read(a.id)).title).toBe(driver === 'postgres' ? a.title : 'renamed');
  });

  it('writes nothing of a batch that fails', async () => {
    const a = disputeRow(workerId);
    const failed = runner.run((m) => {
      const codec = RowCodec.of(m, DisputeEntity);
      // The same row twice: a unique violation after the first insert.
      return new WriteBatch()
        .add(codec.insert([a]))
        .add(codec.insert([a]))
        .run(m);
    });
    const error: unknown = await failed.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(await dataSource.manager.countBy(DisputeEntity, { id: a.id })).toBe(0);
  });
});
