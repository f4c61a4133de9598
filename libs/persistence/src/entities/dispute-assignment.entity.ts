import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import { DisputeEntity } from './dispute.entity';

/**
 * Who was assigned to a case (the accepting officer, the named lawyer, the panel members), so
 * lawyers and panel members can find the cases they sit on in one indexed lookup.
 */
@Entity({ name: 'dispute_assignments' })
@Index('ix_dispute_assignments_user_id', ['userId'])
@Index('ix_dispute_assignments_dispute_id', ['disputeId'])
export class DisputeAssignmentEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_dispute_assignments',
  })
  id: string;

  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_dispute_assignments_dispute_id' })
  @VarcharColumn('dispute_id', LENGTHS.id)
  disputeId: string;

  @VarcharColumn('user_id', LENGTHS.id)
  userId: string;

  /** officer, lawyer or panel. */
  @VarcharColumn('capacity', LENGTHS.short)
  capacity: string;

  @TimestampColumn('assigned_at')
  assignedAt: Date;
}
