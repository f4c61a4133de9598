import { existsSync } from 'node:fs';
import path from 'node:path';
import { LessThanOrEqual, type DataSource } from 'typeorm';
import {
  AgendaEntity,
  AgreementEntity,
  DisputeEntity,
  DisputeEventEntity,
  NotificationEntity,
  SQLITE_FILE_NAME,
  TimerEntity,
  UnitEntity,
  UserEntity,
  newId,
  openDatabase,
} from '@tricolor/persistence';
import { DRIVERS, createMigratedTestDatabase, type TestDatabase } from '../support/databases';
import { GRID, disputeRow, seedJurisdiction, standIn } from '../support/persistence-fixtures';

// Milliseconds that are not zero, so a driver that drops them would be caught.
const T0 = new Date('2026-05-06T07:08:09.123Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(DRIVERS)('entities on %s', (driver) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let workerId: string;

  beforeEach(async () => {
    database = await createMigratedTestDatabase(driver);
    dataSource = await openDatabase(database.config);
    workerId = (await seedJurisdiction(dataSource.manager)).id;
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('round-trips a unit and a user', async () => {
    const grid = await dataSource.manager.findOneByOrFail(UnitEntity, { code: GRID });
    expect(grid).toMatchObject({ kind: 'grid', parentCode: 'S01-C01', communityCode: 'S01-C01' });
    expect(grid.createdAt).toBeInstanceOf(Date);

    const user = await dataSource.manager.findOneByOrFail(UserEntity, { id: workerId });
    expect(user.active).toBe(true);
    expect(user.institution).toBeNull();
  });

  it('round-trips a dispute: dates as Date, JSON, booleans and amounts as numbers', async () => {
    const written = disputeRow(workerId, {
      amount: 12345.67,
      overdue: true,
      nextDeadlineAt: later(3 * 86_400_000),
      createdAt: T0,
      updatedAt: later(1),
      riskAssessment: standIn({
        score: 7,
        suggestedTier: 'yellow',
        matched: [{ code: 'large_amount', weight: 3 }],
        thresholds: { yellow: 3, red: 8 },
        explanation: '匹配 1/12 项 (matched 1 of 12)',
      }),
    });
    await dataSource.manager.insert(DisputeEntity, written);

    const read = await dataSource.manager.findOneByOrFail(DisputeEntity, { id: written.id });
    expect(read).toEqual(written);
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.createdAt.toISOString()).toBe('2026-05-06T07:08:09.123Z');
    expect(read.nextDeadlineAt?.getTime()).toBe(written.nextDeadlineAt?.getTime());
    expect(typeof read.amount).toBe('number');
    expect(read.overdue).toBe(true);
    expect(read.parties[0]).toEqual({
      id: 'p1',
      name: '张三',
      role: 'applicant',
      phone: '13800000000',
    });
  });

  it('keeps nulls and whole amounts', async () => {
    const whole = disputeRow(workerId, { amount: 500 });
    const none = disputeRow(workerId, { amount: null, closedAt: null, outcome: null });
    await dataSource.manager.insert(DisputeEntity, [whole, none]);
    expect((await dataSource.manager.findOneByOrFail(DisputeEntity, { id: whole.id })).amount).toBe(
      500,
    );
    const read = await dataSource.manager.findOneByOrFail(DisputeEntity, { id: none.id });
    expect(read).toMatchObject({ amount: null, closedAt: null, outcome: null, linkedCaseId: null });
  });

  it('updates by hand-checked version', async () => {
    const dispute = disputeRow(workerId, { version: 3 });
    await dataSource.manager.insert(DisputeEntity, dispute);
    const bump = (expected: number) =>
      dataSource.manager
        .createQueryBuilder()
        .update(DisputeEntity)
        .set({ version: expected + 1, status: 'yellow.awaitingAcceptance', updatedAt: later(5) })
        .where('id = :id AND version = :expected', { id: dispute.id, expected })
        .execute();

    expect((await bump(3)).affected).toBe(1);
    expect((await bump(3)).affected).toBe(0);
    const read = await dataSource.manager.findOneByOrFail(DisputeEntity, { id: dispute.id });
    expect(read).toMatchObject({
      version: 4,
      status: 'yellow.awaitingAcceptance',
      updatedAt: later(5),
    });
  });

  it('round-trips the event trail, agreement, timer, notification and agenda', async () => {
    const dispute = disputeRow(workerId);
    await dataSource.manager.insert(DisputeEntity, dispute);

    const event = Object.assign(new DisputeEventEntity(), {
      id: newId(),
      disputeId: dispute.id,
      seq: 1,
      type: 'OPEN',
      actorId: workerId,
      actorRole: 'grid_worker',
      payload: { title: dispute.title },
      fromStatus: null,
      toStatus: 'blue.mediating',
      fromTier: null,
      toTier: 'blue',
      at: T0,
      machineVersion: 1,
      idempotencyKey: 'key-1',
      prevHash: '0'.repeat(64),
      keyId: 'k1',
      hash: 'a'.repeat(64),
      response: { id: dispute.id, version: 1 },
    });
    const agreement = Object.assign(new AgreementEntity(), {
      id: newId(),
      disputeId: dispute.id,
      tier: 'blue',
      terms: 'Repair the pipe by Friday; pay 800 yuan.',
      performanceDueAt: later(86_400_000),
      signedByPartyIds: ['p1', 'p2'],
      reachedAt: T0,
      reachedBy: workerId,
      confirmationStatus: 'pending',
      performance: null,
    });
    const timer = Object.assign(new TimerEntity(), {
      id: `${dispute.id}.blue-deadline-1`,
      disputeId: dispute.id,
      kind: 'deadline',
      fires: 'DEADLINE_EXPIRED',
      dueAt: later(3 * 86_400_000),
      status: 'fired',
      statePath: 'blue.mediating#1',
      createdAt: T0,
      firedAt: later(3 * 86_400_000 + 1500),
      latenessMs: 40 * 86_400_000,
      cancelReason: null,
    });
    const notification = Object.assign(new NotificationEntity(), {
      id: newId(),
      userId: workerId,
      disputeId: dispute.id,
      kind: 'reminder',
      message: '调解期限将至 / the mediation deadline is near',
      createdAt: T0,
      readAt: null,
    });
    const agenda = Object.assign(new AgendaEntity(), {
      id: newId(),
      unitCode: 'S01-C01',
      generatedAt: T0,
      content: { open: [dispute.id], overdue: [], escalated: [] },
    });
    await dataSource.manager.insert(DisputeEventEntity, event);
    await dataSource.manager.insert(AgreementEntity, agreement);
    await dataSource.manager.insert(TimerEntity, timer);
    await dataSource.manager.insert(NotificationEntity, notification);
    await dataSource.manager.insert(AgendaEntity, agenda);

    expect(await dataSource.manager.findOneByOrFail(DisputeEventEntity, { id: event.id })).toEqual(
      event,
    );
    expect(await dataSource.manager.findOneByOrFail(AgreementEntity, { id: agreement.id })).toEqual(
      agreement,
    );
    const readTimer = await dataSource.manager.findOneByOrFail(TimerEntity, { id: timer.id });
    expect(readTimer).toEqual(timer);
    // Longer than a 32-bit count of milliseconds holds.
    expect(readTimer.latenessMs).toBe(40 * 86_400_000);
    expect(
      await dataSource.manager.findOneByOrFail(NotificationEntity, { id: notification.id }),
    ).toEqual(notification);
    expect(await dataSource.manager.findOneByOrFail(AgendaEntity, { id: agenda.id })).toEqual(
      agenda,
    );
  });

  it('compares timestamps in queries by instant', async () => {
    const dispute = disputeRow(workerId);
    await dataSource.manager.insert(DisputeEntity, dispute);
    const timer = (id: string, dueAt: Date): TimerEntity =>
      Object.assign(new TimerEntity(), {
        id,
        disputeId: dispute.id,
        kind: 'deadline',
        fires: 'DEADLINE_EXPIRED',
        dueAt,
        status: 'scheduled',
        statePath: 'blue.mediating#1',
        createdAt: T0,
        firedAt: null,
        latenessMs: null,
        cancelReason: null,
      });
    await dataSource.manager.insert(TimerEntity, [
      timer('due-before', later(-1)),
      timer('due-exactly', T0),
      timer('due-after', later(1)),
      timer('due-next-year', new Date('2027-01-01T00:00:00.000Z')),
    ]);

    const viaFind = await dataSource.manager.find(TimerEntity, {
      where: { status: 'scheduled', dueAt: LessThanOrEqual(T0) },
      order: { dueAt: 'ASC' },
    });
    expect(viaFind.map((t) => t.id)).toEqual(['due-before', 'due-exactly']);

    const viaBuilder = await dataSource.manager
      .createQueryBuilder(TimerEntity, 'timer')
      .where('timer.due_at > :now', { now: T0 })
      .orderBy('timer.due_at', 'ASC')
      .getMany();
    expect(viaBuilder.map((t) => t.id)).toEqual(['due-after', 'due-next-year']);
  });

  it('enforces foreign keys and checks', async () => {
    const orphan = Object.assign(new NotificationEntity(), {
      id: newId(),
      userId: newId(),
      disputeId: null,
      kind: 'reminder',
      message: 'to nobody',
      createdAt: T0,
      readAt: null,
    });
    await expect(dataSource.manager.insert(NotificationEntity, orphan)).rejects.toThrow();

    await expect(
      dataSource.manager.insert(DisputeEntity, disputeRow(workerId, { gridCode: 'NO-SUCH-GRID' })),
    ).rejects.toThrow();

    const dispute = disputeRow(workerId);
    await dataSource.manager.insert(DisputeEntity, dispute);
    await expect(
      dataSource.manager.insert(
        TimerEntity,
        Object.assign(new TimerEntity(), {
          id: `${dispute.id}:deadline`,
          disputeId: dispute.id,
          kind: 'deadline',
          fires: null,
          dueAt: T0,
          status: 'scheduled',
          statePath: 'blue.mediating',
          createdAt: T0,
        }),
      ),
    ).rejects.toThrow();
  });
});

describe('the embedded SQLite database', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createMigratedTestDatabase('sqlite');
    dataSource = await openDatabase(database.config);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('lives in DATA_DIR, in WAL mode, with foreign keys on and a busy timeout', async () => {
    expect(existsSync(path.join(database.config.dataDir, SQLITE_FILE_NAME))).toBe(true);
    const pragma = async (name: string) =>
      Object.values(
        (await dataSource.query<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {},
      )[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
  });
});
