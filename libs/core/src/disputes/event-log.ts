import { DisputeEventEntity, newId, type JsonObject } from '@tricolor/persistence';
import type { Status, Tier } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { asRow } from '../as-row';
import { GENESIS_HASH, hashRecord } from './audit-chain';

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

/**
 * Appends one record to a case's trail, chained to the one before. Runs inside the transition's
 * transaction; the case row was just updated under its version check, so no other writer can be
 * appending to this case at the same time.
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
  const record = manager.create(DisputeEventEntity, {
    ...input,
    id: newId(),
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? GENESIS_HASH,
    hash: '',
  });
  record.hash = hashRecord(record);
  await manager.insert(DisputeEventEntity, asRow(record));
  return record;
}
