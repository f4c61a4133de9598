import { DisputeEntity, RowCodec, UserEntity } from '@tricolor/persistence';
import type { Actor, Role } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
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

/**
 * Transactions whose recipient reads may be shared: a batch of timer firings reads the same
 * street's people once instead of once per case. Only a unit that writes no users may opt in
 * (`shareRecipientReads`); the cache lives and dies with its transaction's manager.
 */
const sharedReads = new WeakMap<EntityManager, Map<string, Promise<unknown>>>();

/** Lets every recipient read in this transaction be answered once per distinct question. */
export function shareRecipientReads(m: EntityManager): void {
  if (!sharedReads.has(m)) sharedReads.set(m, new Map());
}

function shared<T>(m: EntityManager, key: string, read: () => Promise<T>): Promise<T> {
  const cache = sharedReads.get(m);
  if (!cache) return read();
  let answer = cache.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = read();
    cache.set(key, answer);
  }
  return answer;
}

// A user's street is their unit's street; the admin (no unit) belongs to none.
const IN_STREET = 'u.unit_code IN (SELECT un.code FROM units un WHERE un.street_code = :street)';

function activeIdsOfRole(m: EntityManager, streetCode: string, role: Role): Promise<string[]> {
  return shared(m, `role|${streetCode}|${role}`, () => readIdsOfRole(m, streetCode, role));
}

async function readIdsOfRole(m: EntityManager, streetCode: string, role: Role): Promise<string[]> {
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

interface RawPerson {
  id: string;
  role: Role;
  institution: Actor['institution'];
  street_code: string | null;
  community_code: string | null;
  kind: string | null;
  code: string | null;
}

/**
 * Active users of the street plus the ones the case names, as actors the handler rule can judge:
 * one statement, ids and places only (a timer firing runs this for every escalation).
 */
export function activeActors(
  m: EntityManager,
  streetCode: string,
  assignedIds: string[],
): Promise<Actor[]> {
  return shared(m, `actors|${streetCode}|${assignedIds.join(',')}`, () =>
    readActiveActors(m, streetCode, assignedIds),
  );
}

async function readActiveActors(
  m: EntityManager,
  streetCode: string,
  assignedIds: string[],
): Promise<Actor[]> {
  const params: Record<string, unknown> = { active: true, street: streetCode };
  assignedIds.forEach((id, i) => (params[`a${i}`] = id));
  const assigned = assignedIds.map((_id, i) => `:a${i}`).join(', ');
  const values: unknown[] = [];
  const where = RowCodec.of(m, UserEntity).bind(
    `u.active = :active AND (un.street_code = :street${assigned ? ` OR u.id IN (${assigned})` : ''})`,
    params,
    values,
  );
  const rows: RawPerson[] = await m.query(
    `SELECT u.id AS "id", u.role AS "role", u.institution AS "institution",
            un.street_code AS "street_code", un.community_code AS "community_code",
            un.kind AS "kind", un.code AS "code"
     FROM users u LEFT JOIN units un ON un.code = u.unit_code
     WHERE ${where} ORDER BY u.id`,
    values,
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    institution: r.institution,
    streetCode: r.street_code,
    communityCode: r.community_code,
    gridCode: r.kind === 'grid' ? r.code : null,
  }));
}

/** The street's supervisors among people `activeActors` returned for that street. */
export const supervisorsAmong = (people: readonly Actor[], streetCode: string): string[] =>
  people.filter((p) => p.role === 'supervisor' && p.streetCode === streetCode).map((p) => p.id);
