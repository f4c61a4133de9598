import {
  DisputeEventEntity,
  RowCodec,
  newId,
  runStatement,
  type JsonObject,
  type Statement,
} from '@tricolor/persistence';
import type { Status, Tier } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { auditKeyring } from '../audit/audit-keys';
import { GENESIS_HASH, hashRecord } from './audit-chain';
import type { ChainHead } from './dispute-finder';

export interface EventRecordInput {
  disputeId: string;
  type: string;
  actorId: string;
  actorRole: string;
  payload: JsonObject;
  fromStatus: Status | null;
  toStatus: Status;
  fromTier: Tier | null;
  toTier: Tier;
  at: Date;
  machineVersion: number;
  idempotencyKey: string | null;
  response: JsonObject | null;
}

/** The next record of a case's trail, chained to `last` (null: the case's first record). */
export function chainRecord(input: EventRecordInput, last: ChainHead | null): DisputeEventEntity {
  const record: DisputeEventEntity = {
    ...input,
    id: newId(),
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? GENESIS_HASH,
    keyId: auditKeyring().currentId,
    hash: '',
  };
  record.hash = hashRecord(record);
  return record;
}

/** The INSERT of a chained record. */
export const insertEvent = (m: EntityManager, record: DisputeEventEntity): Statement =>
  RowCodec.of(m, DisputeEventEntity).insert([record]);

/**
 * Appends one record to a case's trail, chained to the one before. Runs inside the case's
 * transaction; the caller changed the case row under its version check first (or created it), so
 * no other writer can be appending to this case at the same time.
 */
export async function appendEvent(
  manager: EntityManager,
  input: EventRecordInput,
): Promise<DisputeEventEntity> {
  const last = await manager.findOne(DisputeEventEntity, {
    where: { disputeId: input.disputeId },
    order: { seq: 'DESC' },
    select: { seq: true, hash: true },
  });
  const record = chainRecord(input, last);
  await runStatement(manager, insertEvent(manager, record));
  return record;
}
