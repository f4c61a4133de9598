import {
  DisputeEventEntity,
  RowCodec,
  newId,
  runStatement,
  type JsonObject,
} from '@tricolor/persistence';
import type { Status, Tier } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
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

/**
 * Appends one record to a case's trail, chained to the one before (`head`, when the caller
 * loaded it with the case; otherwise it is read here). Runs inside the transition's transaction;
 * the case row was just updated under its version check, so no other writer can be appending to
 * this case at the same time.
 */
export async function appendEvent(
  manager: EntityManager,
  input: EventRecordInput,
  head?: ChainHead | null,
): Promise<DisputeEventEntity> {
  const last =
    head !== undefined
      ? head
      : await manager.findOne(DisputeEventEntity, {
          where: { disputeId: input.disputeId },
          order: { seq: 'DESC' },
          select: { seq: true, hash: true },
        });
  const record: DisputeEventEntity = {
    ...input,
    id: newId(),
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? GENESIS_HASH,
    hash: '',
  };
  record.hash = hashRecord(record);
  await runStatement(manager, RowCodec.of(manager, DisputeEventEntity).insert([record]));
  return record;
}
