import { Check, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { IntegerColumn, JsonColumn, LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import type { JsonObject, Status, Tier } from '../types';
import { encryptedJsonTransformer } from '../encrypted-columns';
import { DisputeEntity } from './dispute.entity';

/** One record of a case's audit trail. Append-only, hash-chained through prev_hash. */
@Entity({ name: 'dispute_events' })
@Unique('uq_dispute_events_dispute_id_seq', ['disputeId', 'seq'])
@Unique('uq_dispute_events_dispute_id_idempotency_key', ['disputeId', 'idempotencyKey'])
@Check('ck_dispute_events_seq', `seq >= 1`)
export class DisputeEventEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_dispute_events',
  })
  id: string;

  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_dispute_events_dispute_id' })
  @VarcharColumn('dispute_id', LENGTHS.id)
  disputeId: string;

  /** 1-based position in the case's trail. */
  @IntegerColumn('seq')
  seq: number;

  @VarcharColumn('type', LENGTHS.code)
  type: string;

  /** A user id, or `system` for timer events. */
  @VarcharColumn('actor_id', LENGTHS.id)
  actorId: string;

  @VarcharColumn('actor_role', LENGTHS.short)
  actorRole: string;

  @JsonColumn('payload')
  payload: JsonObject;

  /** Null on the record that opened the case. */
  @VarcharColumn('from_status', LENGTHS.short, { nullable: true })
  fromStatus: Status | null;

  @VarcharColumn('to_status', LENGTHS.short)
  toStatus: Status;

  @VarcharColumn('from_tier', LENGTHS.short, { nullable: true })
  fromTier: Tier | null;

  @VarcharColumn('to_tier', LENGTHS.short)
  toTier: Tier;

  @TimestampColumn('at')
  at: Date;

  @IntegerColumn('machine_version')
  machineVersion: number;

  @VarcharColumn('idempotency_key', LENGTHS.key, { nullable: true })
  idempotencyKey: string | null;

  @VarcharColumn('prev_hash', LENGTHS.hash)
  prevHash: string;

  @VarcharColumn('hash', LENGTHS.hash)
  hash: string;

  /** The AUDIT_KEYS key that sealed `hash` (HMAC); null on records from before keyed chains. */
  @VarcharColumn('key_id', LENGTHS.short, { nullable: true })
  keyId: string | null;

  /** What the caller was answered, replayed for a repeated Idempotency-Key. */
  // Encrypted at rest: a handler's answer shows the parties' numbers.
  @JsonColumn('response', { nullable: true, transformer: encryptedJsonTransformer })
  response: JsonObject | null;
}
