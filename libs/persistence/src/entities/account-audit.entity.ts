import { Check, Entity, PrimaryColumn, Unique } from 'typeorm';
import { IntegerColumn, JsonColumn, LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import type { JsonObject } from '../types';

/**
 * The admin audit log: every account change (create, role, unit, deactivate, reactivate, password
 * reset, own password change), one chain for the whole system, sealed like the case trails
 * (HMAC under AUDIT_KEYS, key id per record) and append-only.
 */
@Entity({ name: 'account_audit' })
@Unique('uq_account_audit_seq', ['seq'])
@Check('ck_account_audit_seq', `seq >= 1`)
export class AccountAuditEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_account_audit',
  })
  id: string;

  @IntegerColumn('seq')
  seq: number;

  @TimestampColumn('at')
  at: Date;

  /** Who made the change: a user id, or `system` for the bootstrap admin. */
  @VarcharColumn('actor_id', LENGTHS.id)
  actorId: string;

  @VarcharColumn('actor_role', LENGTHS.short)
  actorRole: string;

  @VarcharColumn('action', LENGTHS.code)
  action: string;

  /** The account changed. */
  @VarcharColumn('target_id', LENGTHS.id)
  targetId: string;

  /** What changed (never a password or its hash). */
  @JsonColumn('details')
  details: JsonObject;

  @VarcharColumn('key_id', LENGTHS.short)
  keyId: string;

  @VarcharColumn('prev_hash', LENGTHS.hash)
  prevHash: string;

  @VarcharColumn('hash', LENGTHS.hash)
  hash: string;
}
