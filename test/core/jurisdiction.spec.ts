import { JurisdictionService } from '@tricolor/core';
import {
  DisputeAssignmentEntity,
  DisputeEntity,
  UnitEntity,
  UserEntity,
  newId,
  openDatabase,
} from '@tricolor/persistence';
import type { Actor, Tier } from '@tricolor/workflow';
import type { DataSource } from 'typeorm';
import { DRIVERS, createMigratedTestDatabase, type TestDatabase } from '../support/databases';
import { disputeRow, userRow } from '../support/persistence-fixtures';

/**
 * Who sees which case (DESIGN.md §4), straight on the database: each role's scope condition run
 * as a query over cases spread across two streets, their communities and grids, at each tier,
 * with cases assigned to a lawyer and a panel member. The end-to-end suites see these rules
 * through the API; here every role's boundary is checked in both directions (what it sees and
 * what it must not), so a condition that widens or narrows fails a test of its own.
 */

const at = new Date('2026-03-04T05:06:07.089Z');

/** Two streets; S1 has two communities, C1 has two grids; S2 reuses S1's local names. */
const UNITS: [code: string, kind: UnitEntity['kind'], street: string, community: string | null][] =
  [
    ['S1', 'street', 'S1', null],
    ['S1-C1', 'community', 'S1', 'S1-C1'],
    ['S1-C1-G1', 'grid', 'S1', 'S1-C1'],
    ['S1-C1-G2', 'grid', 'S1', 'S1-C1'],
    ['S1-C2', 'community', 'S1', 'S1-C2'],
    ['S1-C2-G1', 'grid', 'S1', 'S1-C2'],
    ['S2', 'street', 'S2', null],
    ['S2-C1', 'community', 'S2', 'S2-C1'],
    ['S2-C1-G1', 'grid', 'S2', 'S2-C1'],
  ];

function unit([code, kind, street, community]: (typeof UNITS)[number]): UnitEntity {
  const parent = kind === 'street' ? null : kind === 'community' ? street : community;
  return Object.assign(new UnitEntity(), {
    id: newId(),
    code,
    name: `Unit ${code}`,
    kind,
    parentCode: parent,
    streetCode: street,
    communityCode: community,
    createdAt: at,
  });
}

/** A case in each grid at each tier, named `<grid>/<tier>`. */
const GRIDS = UNITS.filter(([, kind]) => kind === 'grid').map(([code]) => code);
const TIERS: Tier[] = ['blue', 'yellow', 'red'];
const CASES = GRIDS.flatMap((grid) => TIERS.map((tier) => `${grid}/${tier}`));
const placeOfGrid = (grid: string) => {
  const [, , street, community] = UNITS.find(([code]) => code === grid)!;
  return { gridCode: grid, communityCode: community!, streetCode: street };
};

describe.each(DRIVERS)('jurisdiction on %s', (driver) => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let jurisdiction: JurisdictionService;
  /** Case name → id, and back. */
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  const lawyerId = newId();
  const panelId = newId();

  beforeAll(async () => {
    database = await createMigratedTestDatabase(driver);
    dataSource = await openDatabase(database.config);
    const m = dataSource.manager;
    await m.insert(UnitEntity, UNITS.map(unit));
    const worker = userRow({ unitCode: 'S1-C1-G1' });
    await m.insert(UserEntity, worker);
    for (const name of CASES) {
      const [grid, tier] = name.split('/') as [string, Tier];
      const row = disputeRow(worker.id, { ...placeOfGrid(grid), tier, highestTier: tier });
      await m.insert(DisputeEntity, row);
      ids.set(name, row.id);
      names.set(row.id, name);
    }
    // The lawyer is named on a yellow case of S2; the panel member (of S1) sits on a blue one
    // of S2 (a panel is convened at red, but an assignment alone must be enough to see it).
    const assign = (caseName: string, userId: string, capacity: string) =>
      m.insert(DisputeAssignmentEntity, {
        id: newId(),
        disputeId: ids.get(caseName)!,
        userId,
        capacity,
        assignedAt: at,
      });
    await assign('S2-C1-G1/yellow', lawyerId, 'lawyer');
    await assign('S2-C1-G1/blue', panelId, 'panel');
    jurisdiction = new JurisdictionService(dataSource.getRepository(UnitEntity));
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  /** The names of the cases `actor` sees, through `scope` on a query of every case. */
  async function seen(actor: Actor): Promise<string[]> {
    const qb = dataSource.getRepository(DisputeEntity).createQueryBuilder('d').select('d.id');
    const rows = await jurisdiction.scope(qb, actor).getMany();
    return rows.map((r) => names.get(r.id)!).sort();
  }
  const casesWhere = (test: (grid: string, tier: Tier) => boolean) =>
    CASES.filter((name) => {
      const [grid, tier] = name.split('/') as [string, Tier];
      return test(grid, tier);
    }).sort();

  it('admins and the system see every case', async () => {
    expect(await seen({ id: 'a', role: 'admin' })).toEqual([...CASES].sort());
    expect(await seen({ id: 'system', role: 'system' })).toEqual([...CASES].sort());
    expect(jurisdiction.scopeCondition({ id: 'a', role: 'admin' })).toBeNull();
  });

  it('a grid worker sees their own grid only, not a neighbouring grid of the community', async () => {
    const actor: Actor = { id: 'g', role: 'grid_worker', ...placeOfGrid('S1-C1-G2') };
    expect(await seen(actor)).toEqual(casesWhere((grid) => grid === 'S1-C1-G2'));
  });

  it.each(['community_police', 'auxiliary_police'] as const)(
    '%s see their community (both its grids), not the street’s other community',
    async (role) => {
      const actor: Actor = { id: 'p', role, streetCode: 'S1', communityCode: 'S1-C1' };
      expect(await seen(actor)).toEqual(casesWhere((grid) => grid.startsWith('S1-C1-')));
    },
  );

  it.each(['judicial_officer', 'supervisor'] as const)(
    '%s see their whole street, not the other street',
    async (role) => {
      const actor: Actor = { id: 'o', role, streetCode: 'S2' };
      expect(await seen(actor)).toEqual(casesWhere((grid) => grid.startsWith('S2-')));
    },
  );

  it('a panel member sees their street’s red cases and the cases they are assigned to', async () => {
    const actor: Actor = { id: panelId, role: 'panel_member', streetCode: 'S1' };
    expect(await seen(actor)).toEqual(
      [
        ...casesWhere((grid, tier) => grid.startsWith('S1-') && tier === 'red'),
        'S2-C1-G1/blue',
      ].sort(),
    );
    // Not another street's red cases, nor cases assigned to someone else.
    const other: Actor = { id: newId(), role: 'panel_member', streetCode: 'S2' };
    expect(await seen(other)).toEqual(['S2-C1-G1/red']);
  });

  it('a lawyer sees only the cases they are named on', async () => {
    expect(await seen({ id: lawyerId, role: 'lawyer', streetCode: 'S2' })).toEqual([
      'S2-C1-G1/yellow',
    ]);
    expect(await seen({ id: newId(), role: 'lawyer', streetCode: 'S2' })).toEqual([]);
  });

  it('a volunteer sees no case', async () => {
    expect(
      await seen({ id: 'v', role: 'volunteer', streetCode: 'S1', communityCode: 'S1-C1' }),
    ).toEqual([]);
  });

  it.each([
    ['grid_worker', {}],
    ['community_police', { streetCode: 'S1' }],
    ['auxiliary_police', { streetCode: 'S1' }],
    ['judicial_officer', { communityCode: 'S1-C1' }],
    ['supervisor', { gridCode: 'S1-C1-G1' }],
    ['panel_member', { communityCode: 'S1-C1' }],
  ] as const)('%s: without the unit the role is scoped to, no case', async (role, place) => {
    expect(await seen({ id: newId(), role, ...place })).toEqual([]);
  });

  describe('places and actors', () => {
    it('places a grid, a community and a street with their ancestors', async () => {
      expect(await jurisdiction.placeOf('S1-C2-G1')).toEqual({
        code: 'S1-C2-G1',
        kind: 'grid',
        streetCode: 'S1',
        communityCode: 'S1-C2',
        gridCode: 'S1-C2-G1',
      });
      expect(await jurisdiction.placeOf('S1-C2')).toEqual({
        code: 'S1-C2',
        kind: 'community',
        streetCode: 'S1',
        communityCode: 'S1-C2',
        gridCode: null,
      });
      expect(await jurisdiction.placeOf('S2')).toEqual({
        code: 'S2',
        kind: 'street',
        streetCode: 'S2',
        communityCode: null,
        gridCode: null,
      });
    });

    it('answers undefined for an unknown unit, and finds it once it exists', async () => {
      const service = new JurisdictionService(dataSource.getRepository(UnitEntity));
      expect(await service.placeOf('S9')).toBeUndefined();
      await dataSource.manager.insert(UnitEntity, unit(['S9', 'street', 'S9', null]));
      expect(await service.placeOf('S9')).toMatchObject({ code: 'S9', kind: 'street' });
    });

    it('reads a unit once: units never move, so a place is cached', async () => {
      const service = new JurisdictionService(dataSource.getRepository(UnitEntity));
      await dataSource.manager.insert(UnitEntity, unit(['S8', 'street', 'S8', null]));
      expect(await service.placeOf('S8')).toMatchObject({ streetCode: 'S8' });
      // Changed behind the service's back: the cached place is what it answers.
      await dataSource.manager.update(
        UnitEntity,
        { code: 'S8' },
        { name: 'renamed', kind: 'grid' },
      );
      expect(await service.placeOf('S8')).toMatchObject({ kind: 'street', gridCode: null });
    });

    it('makes an actor of a user with their unit’s street, community and grid', async () => {
      expect(
        await jurisdiction.actorFor({ id: 'u1', role: 'grid_worker', unitCode: 'S1-C1-G2' }),
      ).toEqual({
        id: 'u1',
        role: 'grid_worker',
        institution: null,
        streetCode: 'S1',
        communityCode: 'S1-C1',
        gridCode: 'S1-C1-G2',
      });
      expect(
        await jurisdiction.actorFor({
          id: 'u2',
          role: 'judicial_officer',
          unitCode: 'S2',
          institution: 'judicial_office',
        }),
      ).toEqual({
        id: 'u2',
        role: 'judicial_officer',
        institution: 'judicial_office',
        streetCode: 'S2',
        communityCode: null,
        gridCode: null,
      });
    });

    it('makes an actor with no place of a user whose unit does not exist', async () => {
      expect(
        await jurisdiction.actorFor({ id: 'u3', role: 'lawyer', unitCode: 'nowhere' }),
      ).toEqual({
        id: 'u3',
        role: 'lawyer',
        institution: null,
        streetCode: null,
        communityCode: null,
        gridCode: null,
      });
    });
  });
});
