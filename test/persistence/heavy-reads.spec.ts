import { HeavyReads, TransactionRunner, UnitEntity, openDatabase } from '@tricolor/persistence';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { GRID, unitRows } from '../support/persistence-fixtures';

// Issue 9, finding 6: on SQLite a heavy read runs on a worker thread with its own read-only
// connection, so a long statement holds neither the API's thread nor its one connection.
describe('HeavyReads on SQLite', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let reads: HeavyReads;
  let tx: TransactionRunner;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    dataSource = await openDatabase(database.config);
    tx = new TransactionRunner(dataSource);
    reads = new HeavyReads(dataSource, tx);
    await tx.run((m) => m.insert(UnitEntity, unitRows()));
  });

  afterAll(async () => {
    await reads?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reads through query builders and find, as the API’s own connection does', async () => {
    const own = await dataSource.manager.find(UnitEntity, { order: { code: 'ASC' } });
    const offThread = await reads.run((m) => m.find(UnitEntity, { order: { code: 'ASC' } }));
    expect(offThread).toEqual(own);
    const raw = await reads
      .manager()
      .createQueryBuilder(UnitEntity, 'u')
      .select('COUNT(*)', 'n')
      .where('u.kind = :kind', { kind: 'grid' })
      .getRawOne<{ n: number }>();
    expect(Number(raw?.n)).toBe(own.filter((u) => u.kind === 'grid').length);
    const [blob] = await reads.manager().query(`SELECT x'0102' AS b`);
    expect(Buffer.isBuffer(blob.b)).toBe(true);
  });

  it('keeps the API’s thread and connection free while a long statement runs', async () => {
    // A statement of a second or so: a recursive count.
    const long = reads
      .manager()
      .query(
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) AS c FROM n',
      );
    let finished = false;
    void long.then(() => (finished = true));
    // Meanwhile the event loop turns and writes on the API's own connection commit (run on that
    // connection, the count would have ended before the first turn).
    let turns = 0;
    while (!finished && turns < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      await tx.run((m) => m.update(UnitEntity, { code: GRID }, { name: `Grid ${turns}` }));
      turns++;
    }
    const [{ c }] = await long;
    expect(Number(c)).toBe(3_000_000);
    expect(turns).toBe(5);
    // It sees what was committed, and refuses to write.
    const [g1] = await reads.run((m) => m.find(UnitEntity, { where: { code: GRID } }));
    expect(g1.name).toBe('Grid 4');
    await expect(
      reads.manager().query(`UPDATE units SET name = 'x' WHERE code = '${GRID}'`),
    ).rejects.toThrow(/only reads|readonly/i);
  });
});
