import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LENGTHS, TextColumn, TimestampColumn, VarcharColumn } from '../columns';
import { DisputeEntity } from './dispute.entity';

/**
 * A supervision notice (督办) on a case: who pressed, why, by when, and the handler's
 * acknowledgement. The audit trail records both facts too; this row is for the lists.
 */
@Entity({ name: 'supervision_notices' })
@Index('ix_supervision_notices_dispute_id', ['disputeId'])
@Index('ix_supervision_notices_street_code_issued_at', ['streetCode', 'issuedAt'])
export class SupervisionNoticeEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_supervision_notices',
  })
  id: string;

  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_supervision_notices_dispute_id' })
  @VarcharColumn('dispute_id', LENGTHS.id)
  disputeId: string;

  @VarcharColumn('street_code', LENGTHS.code)
  streetCode: string;

  @VarcharColumn('issued_by', LENGTHS.id)
  issuedBy: string;

  @TextColumn('reason')
  reason: string;

  @TimestampColumn('due_by')
  dueBy: Date;

  @TimestampColumn('issued_at')
  issuedAt: Date;

  @VarcharColumn('acknowledged_by', LENGTHS.id, { nullable: true })
  acknowledgedBy: string | null;

  @TimestampColumn('acknowledged_at', { nullable: true })
  acknowledgedAt: Date | null;

  @TextColumn('acknowledgement', { nullable: true })
  acknowledgement: string | null;
}
