import type { DataSource } from 'typeorm';
import {
  DisputeEntity,
  DisputeEventEntity,
  UnitEntity,
  UserEntity,
  isUniqueViolation,
  newId,
  openDatabase,
} from '@tricolor/persistence';
import { DRIVERS, createMigratedTestDatabase, type TestDatabase } from '../support/databases';
import { disputeRow, seedJurisdiction, unitRows, userRow } from '../support/persistence-fixtures';

const caught = async (work: Promise<unknown>): Promise<unknown> => {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the write to fail');
};

describe.each(DRIVERS)('isUniqueViolation on %s', (driver) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let workerId: string;
  let disputeId: string;

  beforeEach(async () => {
    database = await createMigratedTestDatabase(driver);
    dataSource = await openDatabase(database.config);
    workerId = (await seedJurisdiction(dataSource.manager)).id;
    const dispute = disputeRow(workerId);
    disputeId = dispute.id;
    await dataSource.manager.insert(DisputeEntity, dispute);
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const event = (seq: number, idempotencyKey: string | null) =>
    Object.assign(new DisputeEventEntity(), {
      id: newId(),
      disputeId,
      seq,
      type: 'ESCALATE',
      actorId: workerId,
      actorRole: 'grid_worker',
      payload: {},
      fromStatus: 'blue.mediating',
      toStatus: 'yellow.awaitingAcceptance',
      fromTier: 'blue',
      toTier: 'yellow',
      at: new Date(),
      machineVersion: 1,
      idempotencyKey,
      prevHash: '0'.repeat(64),
      hash: '1'.repeat(64),
      response: null,
    });

  it('recognises a duplicate unit code', async () => {
    const [street] = unitRows();
    const error = await caught(dataSource.manager.insert(UnitEntity, { ...street, id: newId() }));
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('recognises a duplicate username', async () => {
    const taken = await dataSource.manager.findOneByOrFail(UserEntity, { id: workerId });
    const error = await caught(
      dataSource.manager.insert(UserEntity, userRow({ username: taken.username })),
    );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('recognises a duplicate primary key', async () => {
    const error = await caught(
      dataSource.manager.insert(DisputeEntity, disputeRow(workerId, { id: disputeId })),
    );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('recognises a second event with the same seq, or the same idempotency key', async () => {
    await dataSource.manager.insert(DisputeEventEntity, event(1, 'k1'));
    expect(
      isUniqueViolation(
        await caught(dataSource.manager.insert(DisputeEventEntity, event(1, null))),
      ),
    ).toBe(true);
    expect(
      isUniqueViolation(
        await caught(dataSource.manager.insert(DisputeEventEntity, event(2, 'k1'))),
      ),
    ).toBe(true);
  });

  it('lets many events go without an idempotency key', async () => {
    await dataSource.manager.insert(DisputeEventEntity, [event(1, null), event(2, null)]);
    expect(await dataSource.manager.countBy(DisputeEventEntity, { disputeId })).toBe(2);
  });

  it('does not mistake other failures for one', async () => {
    const foreignKey = await caught(
      dataSource.manager.insert(DisputeEntity, disputeRow(workerId, { openedBy: newId() })),
    );
    const notNull = await caught(
      dataSource.manager.insert(UserEntity, userRow({ displayName: null as unknown as string })),
    );
    expect(isUniqueViolation(foreignKey)).toBe(false);
    expect(isUniqueViolation(notNull)).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint'))).toBe(
      false,
    );
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
