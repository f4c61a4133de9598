import { MEDIAN_RELATIVE_ERROR, StatsRollupFold, StatsService, type Stats } from '@tricolor/core';
import {
  ALL_MIGRATIONS,
  DeferredWrites,
  DisputeEntity,
  DisputeTextEntity,
  RowCodec,
  TransactionRunner,
  UnitEntity,
  UserEntity,
  newId,
} from '@tricolor/persistence';
import type { Actor, MediationType, Outcome, Status, Tier } from '@tricolor/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { disputeRow, userRow } from '../support/persistence-fixtures';

/**
 * GET /stats reads a district's or a street's closed cases from the roll-up (triggers write
 * changes, the worker folds them) and the rest live. Every figure must be what counting every
 * case from scratch gives, medians within the stated bound: compared here over a few hundred
 * cases of every kind, in each state the roll-up can be in (changes waiting, folded, a closed
 * case edited or deleted by hand, rebuilt by the migration), for each period shape.
 */

const HOUR = 3_600_000;
const NOW = new Date('2026-04-10T12:00:00.000Z');
const STREETS = ['S01', 'S02'];
const TIERS: Tier[] = ['blue', 'yellow', 'red'];
const OUTCOMES: Outcome[] = ['resolved', 'withdrawn', 'refused', 'transferred'];
const TYPES: (MediationType | null)[] = [null, 'people', 'police', 'court'];
const OPEN: Status[] = ['blue.mediating', 'yellow.jointReview', 'red.convening', 'agreed'];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

describe.each(DRIVERS)('the /stats roll-up against counting from scratch on %s', (driver) => {
  let api: TestApi;
  let stats: StatsService;
  let worker: UserEntity;
  const rnd = random(driver === 'sqlite' ? 7 : 11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

  const dataSource = () => api.app.get(DataSource);
  const tx = () => api.app.get(TransactionRunner);
  const admin: Actor = { id: 'admin', role: 'admin' };
  const supervisor: Actor = { id: 'sup', role: 'supervisor', streetCode: 'S01' };
  const officer: Actor = { id: 'jo', role: 'judicial_officer', streetCode: 'S02' };

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    stats = api.app.get(StatsService);
    await tx().run(async (m) => {
      await m.insert(UnitEntity, units());
      worker = userRow({ unitCode: 'S01-C01-G01' });
      await m.insert(UserEntity, worker);
      await m.insert(
        DisputeEntity,
        Array.from({ length: 240 }, () => aCase()),
      );
    });
  }, 120_000);
  afterAll(() => api?.close());

  function units(): UnitEntity[] {
    return STREETS.flatMap((street) => {
      const unit = (code: string, kind: UnitEntity['kind'], parentCode: string | null) =>
        Object.assign(new UnitEntity(), {
          id: newId(),
          code,
          name: code,
          kind,
          parentCode,
          streetCode: street,
          communityCode: kind === 'street' ? null : `${street}-C01`,
          createdAt: NOW,
        });
      return [
        unit(street, 'street', null),
        unit(`${street}-C01`, 'community', street),
        unit(`${street}-C01-G01`, 'grid', `${street}-C01`),
      ];
    });
  }

  /** A case of any kind, opened between October 2025 and April 2026. */
  function aCase(): DisputeEntity {
    const street = pick(STREETS);
    const created = new Date(Date.parse('2025-10-01T00:00:00Z') + rnd() * 190 * 24 * HOUR);
    const closed = rnd() < 0.6;
    const opened = pick(TIERS);
    const tier = rnd() < 0.7 ? opened : pick(TIERS);
    const highest = TIERS[Math.max(TIERS.indexOf(opened), TIERS.indexOf(tier))];
    // Hours spent at the tiers left before the current stay, for the tiers the case reached.
    const reached = (t: Tier) => t === opened || t === tier || t === highest;
    const before = (t: Tier) =>
      !reached(t)
        ? null
        : t === tier
          ? rnd() < 0.5
            ? 0
            : Math.round(rnd() * 90 * HOUR)
          : Math.round(rnd() * 200 * HOUR);
    const tierSince = new Date(created.getTime() + Math.round(rnd() * 100 * HOUR));
    const closedAt = closed ? new Date(tierSince.getTime() + Math.round(rnd() * 400 * HOUR)) : null;
    return disputeRow(worker.id, {
      streetCode: street,
      communityCode: `${street}-C01`,
      gridCode: `${street}-C01-G01`,
      tier,
      highestTier: highest,
      openedTier: opened,
      status: closed ? 'closed' : pick(OPEN),
      outcome: closed ? pick(OUTCOMES) : null,
      mediationType: pick(TYPES),
      agreementReached: pick([null, true, false]),
      judiciallyConfirmed: pick([null, true, false]),
      overdue: !closed && rnd() < 0.2,
      nextDeadlineAt: closed ? null : new Date(NOW.getTime() + (rnd() - 0.3) * 200 * HOUR),
      createdAt: created,
      updatedAt: closedAt ?? created,
      closedAt,
      tierSince,
      blueMs: before('blue'),
      yellowMs: before('yellow'),
      redMs: before('red'),
    });
  }

  /** Every figure equal; times per tier: means to rounding, medians within the bound. */
  function expectAgreement(rolled: Stats, exact: Stats): void {
    const { timePerTier: rolledTimes, ...rolledRest } = rolled;
    const { timePerTier: exactTimes, ...exactRest } = exact;
    expect(rolledRest).toEqual(exactRest);
    for (const tier of TIERS) {
      const r = rolledTimes[tier];
      const e = exactTimes[tier];
      expect(r.cases).toBe(e.cases);
      if (e.averageHours === null || e.medianHours === null) {
        expect(r).toEqual(e);
        continue;
      }
      expect(Math.abs((r.averageHours ?? NaN) - e.averageHours)).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(e.averageHours)),
      );
      // Within 0.5 % (under a millisecond near zero).
      expect(Math.abs((r.medianHours ?? NaN) - e.medianHours)).toBeLessThanOrEqual(
        MEDIAN_RELATIVE_ERROR * Math.abs(e.medianHours) + 1 / HOUR,
      );
    }
  }

  const QUERIES = [
    {},
    { unit: 'S01' },
    { unit: 'S02' },
    // Whole months only, parts of months at both ends, from a month's start, up to one.
    { from: new Date('2025-11-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') },
    { from: new Date('2025-11-13T07:00:00Z'), to: new Date('2026-02-20T00:00:00Z') },
    { from: new Date('2026-01-01T00:00:00Z') },
    { to: new Date('2026-01-01T00:00:00Z') },
    { from: new Date('2025-12-03T00:00:00Z'), to: new Date('2025-12-29T00:00:00Z') },
    { unit: 'S01', from: new Date('2025-10-20T00:00:00Z'), to: new Date('2026-03-05T00:00:00Z') },
  ];

  async function expectSameFigures(): Promise<void> {
    for (const actor of [admin, supervisor, officer]) {
      for (const query of QUERIES) {
        const [rolled, exact] = [
          await stats.stats(actor, query, NOW),
          await stats.statsFromScratch(actor, query, NOW),
        ];
        try {
          expectAgreement(rolled, exact);
        } catch (error) {
          throw new Error(`${actor.role} ${JSON.stringify(query)}: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
    }
  }

  const fold = () => api.app.get(StatsRollupFold).fold();
  const pending = async () =>
    Number(
      (
        await dataSource().query<{ n: number }[]>('SELECT count(*) AS n FROM stats_closed_changes')
      )[0]?.n,
    );

  it('counts the same with every closed case still a change waiting to be folded', async () => {
    expect(await pending()).toBeGreaterThan(100);
    const whole = await stats.stats(admin, {}, NOW);
    expect(whole.total).toBe(240);
    expect(whole.closed).toBeGreaterThan(100);
    await expectSameFigures();
  });

  it('counts the same once the changes are folded into the roll-up', async () => {
    expect(await fold()).toBeGreaterThan(100);
    expect(await pending()).toBe(0);
    await expectSameFigures();
  });

  it('counts a case closed by a transition, and by a timer batch, once, as closed', async () => {
    const open = await dataSource()
      .getRepository(DisputeEntity)
      .find({ where: { status: 'blue.mediating' }, take: 4 });
    expect(open).toHaveLength(4);
    const closing = (d: DisputeEntity, at: Date) => ({
      status: 'closed' as const,
      outcome: 'resolved' as const,
      closedAt: at,
      overdue: false,
      nextDeadlineAt: null,
      version: d.version + 1,
    });
    const [a, b, c, d] = open as [DisputeEntity, DisputeEntity, DisputeEntity, DisputeEntity];
    // One statement, as a transition writes it.
    await tx().run((m) => m.update(DisputeEntity, { id: a.id }, closing(a, NOW)));
    // Three in one DeferredWrites batch, as the timer worker writes them (CTEs on PostgreSQL).
    await tx().run(async (m: EntityManager) => {
      const batch = new DeferredWrites();
      for (const x of [b, c, d]) {
        batch.add(
          RowCodec.of(m, DisputeEntity).update(closing(x, NOW), 'id = :id AND version = :version', {
            id: x.id,
            version: x.version,
          }),
          true,
        );
      }
      await batch.run(m);
    });
    expect(await pending()).toBe(4);
    await expectSameFigures();
    await fold();
    await expectSameFigures();
  });

  it('stays exact when a closed case is edited or deleted by hand', async () => {
    const closed = await dataSource()
      .getRepository(DisputeEntity)
      .find({ where: { status: 'closed' }, order: { id: 'ASC' }, take: 3 });
    const [edited, moved, deleted] = closed as [DisputeEntity, DisputeEntity, DisputeEntity];
    await tx().run(async (m) => {
      // Values the case does not already have: an update that changes nothing writes nothing.
      await m.update(
        DisputeEntity,
        { id: edited.id },
        {
          outcome: edited.outcome === 'refused' ? 'resolved' : 'refused',
          mediationType: edited.mediationType === 'court' ? 'people' : 'court',
        },
      );
      await m.update(
        DisputeEntity,
        { id: moved.id },
        { createdAt: new Date('2025-12-15T00:00:00Z'), closedAt: new Date('2026-01-15T00:00:00Z') },
      );
      // Only what the statistics do not count: no change is written.
      await m.update(DisputeEntity, { id: edited.id }, { version: edited.version + 5 });
      await m.delete(DisputeTextEntity, { id: deleted.id });
      await m.delete(DisputeEntity, { id: deleted.id });
    });
    expect(await pending()).toBe(5);
    await expectSameFigures();
    await fold();
    await expectSameFigures();
  });

  it('back-fills the roll-up from the closed cases when the migration runs', async () => {
    const migration = ALL_MIGRATIONS.map((M) => new M()).find(
      (m) => m.name === 'StatsRollup1768400000000',
    );
    const runner = dataSource().createQueryRunner();
    try {
      await migration?.down(runner);
      await migration?.up(runner);
    } finally {
      await runner.release();
    }
    expect(await pending()).toBe(0);
    await expectSameFigures();
  });
});
