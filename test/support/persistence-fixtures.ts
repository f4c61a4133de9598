import type { EntityManager } from 'typeorm';
import type { PersistedWorkflow, RiskAssessment } from '@tricolor/workflow';
import { DisputeEntity, UnitEntity, UserEntity, newId } from '@tricolor/persistence';

/** Rows for database tests: a street → community → grid, a grid worker, and cases in that grid. */
export const STREET = 'S01';
export const COMMUNITY = 'S01-C01';
export const GRID = 'S01-C01-G01';

const at = new Date('2026-03-04T05:06:07.089Z');

export function unitRows(): UnitEntity[] {
  const unit = (code: string, kind: UnitEntity['kind'], parentCode: string | null) =>
    Object.assign(new UnitEntity(), {
      id: newId(),
      code,
      name: `Unit ${code}`,
      kind,
      parentCode,
      streetCode: STREET,
      communityCode: kind === 'street' ? null : COMMUNITY,
      createdAt: at,
    });
  return [
    unit(STREET, 'street', null),
    unit(COMMUNITY, 'community', STREET),
    unit(GRID, 'grid', COMMUNITY),
  ];
}

export function userRow(overrides: Partial<UserEntity> = {}): UserEntity {
  return Object.assign(new UserEntity(), {
    id: newId(),
    username: `worker-${newId().slice(0, 8)}`,
    passwordHash: 'scrypt$not-a-real-hash',
    displayName: '网格员 Wang',
    role: 'grid_worker',
    unitCode: GRID,
    institution: null,
    active: true,
    createdAt: at,
    ...overrides,
  });
}

// Persistence stores whatever JSON the workflow hands it; a partial stand-in is enough here.
export const standIn = <T>(json: object): T => json as T;

let references = 0;

export function disputeRow(
  openedBy: string,
  overrides: Partial<DisputeEntity> = {},
): DisputeEntity {
  references += 1;
  return Object.assign(new DisputeEntity(), {
    id: newId(),
    reference: `TC-2026-${String(references).padStart(6, '0')}-${newId().slice(0, 4)}`,
    title: '楼上漏水 (leak from upstairs)',
    description: 'Water has been leaking into flat 302 since Monday.',
    category: 'neighbour',
    gridCode: GRID,
    communityCode: COMMUNITY,
    streetCode: STREET,
    tier: 'blue',
    highestTier: 'blue',
    status: 'blue.mediating',
    outcome: null,
    overdue: false,
    parties: [
      { id: 'p1', name: '张三', role: 'applicant', phone: '13800000000' },
      { id: 'p2', name: '李四', role: 'respondent' },
    ],
    amount: null,
    riskAssessment: standIn<RiskAssessment>({ score: 1, matched: [{ code: 'repeated_dispute' }] }),
    snapshot: standIn<PersistedWorkflow>({ machineId: 'dispute', value: { blue: 'mediating' } }),
    machineId: 'dispute',
    machineVersion: 1,
    version: 1,
    // The law's counting fields (machine version 3): null reads as people's mediation, in public.
    mediationType: null,
    inPrivate: null,
    agreementReached: null,
    judiciallyConfirmed: null,
    linkedCaseId: null,
    reportId: null,
    lon: null,
    lat: null,
    openedBy,
    nextDeadlineAt: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    openedTier: 'blue',
    tierSince: at,
    blueMs: 0,
    yellowMs: null,
    redMs: null,
    ...overrides,
  });
}

/** Inserts the jurisdiction and one grid worker; returns the worker. */
export async function seedJurisdiction(manager: EntityManager): Promise<UserEntity> {
  await manager.insert(UnitEntity, unitRows());
  const worker = userRow();
  await manager.insert(UserEntity, worker);
  return worker;
}
