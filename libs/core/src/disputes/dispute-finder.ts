import { DisputeEntity, RowCodec, runStatement } from '@tricolor/persistence';
import type { Actor } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../domain-errors';
import type { JurisdictionService, ScopeCondition } from '../jurisdiction/jurisdiction.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a case the actor may see; any other case does not exist for them (§4). */
export async function loadVisibleDispute(
  m: EntityManager,
  jurisdiction: JurisdictionService,
  actor: Actor,
  id: string,
): Promise<DisputeEntity> {
  const notFound = NotFoundError.of('dispute', id);
  if (!UUID.test(id)) throw notFound;
  const qb = m.createQueryBuilder(DisputeEntity, 'd').where('d.id = :id', { id });
  const dispute = await jurisdiction.scope(qb, actor).getOne();
  if (!dispute) throw notFound;
  return dispute;
}

/**
 * A NotFoundError unless the actor sees the case: one read of its id under the jurisdiction
 * scope, nothing hydrated or decrypted. The gate before a per-case flood check.
 */
export async function assertVisibleDispute(
  m: EntityManager,
  jurisdiction: JurisdictionService,
  actor: Actor,
  id: string,
): Promise<void> {
  const notFound = NotFoundError.of('dispute', id);
  if (!UUID.test(id)) throw notFound;
  const qb = m
    .createQueryBuilder(DisputeEntity, 'd')
    .select('d.id', 'id')
    .where('d.id = :id', { id });
  if (!(await jurisdiction.scope(qb, actor).getRawOne())) throw notFound;
}

/** The newest record of a case's audit trail: the next one chains from it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface LoadedCase {
  dispute: DisputeEntity;
  /** Null for a case with no records yet. */
  head: ChainHead | null;
}

/**
 * `loadVisibleDispute` for a transition, in one statement: the case and the head of its audit
 * trail (one lookup on the (dispute_id, seq) unique index), in hand-written SQL. `scope` is the
 * actor's jurisdiction (`JurisdictionService.scopeCondition`); null for the system.
 */
export async function loadForTransition(
  m: EntityManager,
  id: string,
  scope: ScopeCondition | null,
): Promise<LoadedCase> {
  const notFound = NotFoundError.of('dispute', id);
  if (!UUID.test(id)) throw notFound;
  const codec = RowCodec.of(m, DisputeEntity);
  const values: unknown[] = [];
  const where = codec.bind(
    scope ? `d.id = :id AND ${scope.sql}` : 'd.id = :id',
    { id, ...scope?.params },
    values,
  );
  const { rows } = await runStatement(m, [
    `SELECT ${codec.selectList('d')}, h.seq AS "head_seq", h.hash AS "head_hash"
     FROM disputes d
     LEFT JOIN dispute_events h
       ON h.dispute_id = d.id AND h.seq = (SELECT MAX(e.seq) FROM dispute_events e WHERE e.dispute_id = d.id)
     WHERE ${where}`,
    values,
  ]);
  const row = rows[0];
  if (!row) throw notFound;
  return {
    dispute: codec.hydrate(row),
    head: row.head_seq == null ? null : { seq: Number(row.head_seq), hash: String(row.head_hash) },
  };
}

/**
 * `loadForTransition` for a batch of timer firings, in one statement, for the system (no scope).
 * On PostgreSQL the cases are locked for the batch's transaction (so each firing's versioned
 * update cannot miss), skipping any case another transaction holds: a user's transition in
 * flight may be waiting for one of the batch's timer rows, and waiting for its case in turn
 * would deadlock. A case skipped is missing from the answer; its timer is left for later.
 * SQLite's transactions already take turns.
 */
export async function loadManyForFiring(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, LoadedCase>> {
  const found = new Map<string, LoadedCase>();
  if (ids.length === 0) return found;
  const codec = RowCodec.of(m, DisputeEntity);
  const postgres = codec.dialect === 'postgres';
  const { rows } = await runStatement(m, [
    `SELECT ${codec.selectList('d')}, h.seq AS "head_seq", h.hash AS "head_hash"
     FROM disputes d
     LEFT JOIN dispute_events h
       ON h.dispute_id = d.id AND h.seq = (SELECT MAX(e.seq) FROM dispute_events e WHERE e.dispute_id = d.id)
     WHERE ${postgres ? 'd.id = ANY($1)' : 'd.id IN (SELECT value FROM json_each(?))'}
     ORDER BY d.id${postgres ? ' FOR UPDATE OF d SKIP LOCKED' : ''}`,
    [postgres ? [...ids] : JSON.stringify(ids)],
  ]);
  for (const row of rows) {
    const dispute = codec.hydrate(row);
    found.set(dispute.id, {
      dispute,
      head:
        row.head_seq == null ? null : { seq: Number(row.head_seq), hash: String(row.head_hash) },
    });
  }
  return found;
}
