import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { IntegerColumn, LENGTHS, TextColumn, TimestampColumn, VarcharColumn } from '../columns';
import { DisputeEntity } from './dispute.entity';

/**
 * Evidence or a signed scan attached to a case. The bytes live in the attachment store; this row
 * says what they are. Never deleted: a mistaken upload is withdrawn (hidden) by a recorded event.
 */
@Entity({ name: 'attachments' })
@Index('ix_attachments_dispute_id', ['disputeId'])
export class AttachmentEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_attachments',
  })
  id: string;

  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_attachments_dispute_id' })
  @VarcharColumn('dispute_id', LENGTHS.id)
  disputeId: string;

  /** The file name the uploader gave, for display only: the type comes from the content. */
  @VarcharColumn('name', LENGTHS.name)
  name: string;

  @VarcharColumn('media_type', LENGTHS.short)
  mediaType: string;

  @IntegerColumn('size')
  size: number;

  @VarcharColumn('sha256', LENGTHS.hash)
  sha256: string;

  /** Where the attachment store keeps the bytes. */
  @VarcharColumn('storage_key', LENGTHS.key)
  storageKey: string;

  @VarcharColumn('added_by', LENGTHS.id)
  addedBy: string;

  @TimestampColumn('added_at')
  addedAt: Date;

  /** The seq of the ATTACHMENT_ADDED record on the case's audit trail. */
  @IntegerColumn('added_seq')
  addedSeq: number;

  @TimestampColumn('withdrawn_at', { nullable: true })
  withdrawnAt: Date | null;

  @VarcharColumn('withdrawn_by', LENGTHS.id, { nullable: true })
  withdrawnBy: string | null;

  @TextColumn('withdrawn_reason', { nullable: true })
  withdrawnReason: string | null;
}
