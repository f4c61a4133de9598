import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LENGTHS, TextColumn, TimestampColumn, VarcharColumn } from '../columns';
import { DisputeEntity } from './dispute.entity';
import { UserEntity } from './user.entity';

@Entity({ name: 'notifications' })
@Index('ix_notifications_user_id_read_at', ['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_notifications',
  })
  id: string;

  @ForeignKey(() => UserEntity, 'id', { name: 'fk_notifications_user_id' })
  @VarcharColumn('user_id', LENGTHS.id)
  userId: string;

  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_notifications_dispute_id' })
  @VarcharColumn('dispute_id', LENGTHS.id, { nullable: true })
  disputeId: string | null;

  @VarcharColumn('kind', LENGTHS.code)
  kind: string;

  @TextColumn('message')
  message: string;

  @TimestampColumn('created_at')
  createdAt: Date;

  @TimestampColumn('read_at', { nullable: true })
  readAt: Date | null;
}
