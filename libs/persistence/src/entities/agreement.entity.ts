import { Check, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, LENGTHS, TextColumn, TimestampColumn, VarcharColumn } from '../columns';
import type { ConfirmationStatus, Performance, Tier } from '../types';
import { DisputeEntity } from './dispute.entity';

/** A mediation agreement (调解协议): in effect once every party and the mediator signed (Art. 29). */
@Entity({ name: 'agreements' })
@Index('ix_agreements_dispute_id', ['disputeId'])
@Check('ck_agreements_tier', `tier IN ('blue', 'yellow', 'red')`)
@Check(
  'ck_agreements_confirmation_status',
  `confirmation_status IS NULL OR confirmation_status IN ('pending', 'confirmed', 'refused')`,
)
@Check(
  'ck_agreements_performance',
  `performance IS NULL OR performance IN ('full', 'partial', 'none')`,
)
export class AgreementEntity {
  @PrimaryColumn({ type: 'varchar', length: LENGTHS.id, primaryKeyConstraintName: 'pk_agreements' })
  id: string;

  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_agreements_dispute_id' })
  @VarcharColumn('dispute_id', LENGTHS.id)
  disputeId: string;

  @VarcharColumn('tier', LENGTHS.short)
  tier: Tier;

  @TextColumn('terms')
  terms: string;

  @TimestampColumn('performance_due_at', { nullable: true })
  performanceDueAt: Date | null;

  @JsonColumn('signed_by_party_ids')
  signedByPartyIds: string[];

  @TimestampColumn('reached_at')
  reachedAt: Date;

  @VarcharColumn('reached_by', LENGTHS.id)
  reachedBy: string;

  /** Judicial confirmation (司法确认, Art. 33); null until one is requested. */
  @VarcharColumn('confirmation_status', LENGTHS.short, { nullable: true })
  confirmationStatus: ConfirmationStatus | null;

  /** Recorded at the follow-up visit. */
  @VarcharColumn('performance', LENGTHS.short, { nullable: true })
  performance: Performance | null;
}
