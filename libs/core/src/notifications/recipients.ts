import { DisputeEntity, UnitEntity, UserEntity } from '@tricolor/persistence';
import type { Actor, Role } from '@tricolor/workflow';
import { Brackets, In, type EntityManager } from 'typeorm';
import { assignedUserIds, handlersAmong } from './handler-rules';

/** User ids of whoever must act next on the case (DESIGN.md §4); pass the case as it is now. */
export async function handlersOf(m: EntityManager, dispute: DisputeEntity): Promise<string[]> {
  if (dispute.status === 'closed') return [];
  const ctx = dispute.snapshot.context;
  const candidates = await activeActors(m, ctx.location.streetCode, assignedUserIds(ctx));
  return handlersAmong(dispute.status, ctx, candidates);
}

/** Active supervisors whose unit lies in the street. */
export function supervisorsOf(m: EntityManager, streetCode: string): Promise<string[]> {
  return activeIdsOfRole(m, streetCode, 'supervisor');
}

/** Active judicial officers whose unit lies in the street. */
export function judicialOfficersOf(m: EntityManager, streetCode: string): Promise<string[]> {
  return activeIdsOfRole(m, streetCode, 'judicial_officer');
}

// A user's street is their unit's street; the admin (no unit) belongs to none.
const IN_STREET = 'u.unit_code IN (SELECT un.code FROM units un WHERE un.street_code = :street)';

async function activeIdsOfRole(
  m: EntityManager,
  streetCode: string,
  role: Role,
): Promise<string[]> {
  const users = await m
    .createQueryBuilder(UserEntity, 'u')
    .select(['u.id'])
    .where('u.active = :active', { active: true })
    .andWhere('u.role = :role', { role })
    .andWhere(IN_STREET, { street: streetCode })
    .orderBy('u.id')
    .getMany();
  return users.map((u) => u.id);
}

/** Active users of the street plus the ones the case names, as actors the handler rule can judge. */
async function activeActors(
  m: EntityManager,
  streetCode: string,
  assignedIds: string[],
): Promise<Actor[]> {
  const users = await m
    .createQueryBuilder(UserEntity, 'u')
    .where('u.active = :active', { active: true })
    .andWhere(
      new Brackets((w) => {
        w.where(IN_STREET, { street: streetCode });
        if (assignedIds.length > 0) w.orWhere('u.id IN (:...assigned)', { assigned: assignedIds });
      }),
    )
    .orderBy('u.id')
    .getMany();
  const codes = [...new Set(users.flatMap((u) => (u.unitCode ? [u.unitCode] : [])))];
  const units = codes.length > 0 ? await m.find(UnitEntity, { where: { code: In(codes) } }) : [];
  const unitByCode = new Map(units.map((unit) => [unit.code, unit]));
  return users.map((u) => toActor(u, u.unitCode ? unitByCode.get(u.unitCode) : undefined));
}

function toActor(user: UserEntity, unit: UnitEntity | undefined): Actor {
  return {
    id: user.id,
    role: user.role,
    institution: user.institution,
    streetCode: unit?.streetCode ?? null,
    communityCode: unit?.communityCode ?? null,
    gridCode: unit?.kind === 'grid' ? unit.code : null,
  };
}
