import { Entity, Index, PrimaryColumn } from 'typeorm';
import { LENGTHS, TimestampColumn, VarcharColumn } from '../columns';

/**
 * Who saw a party's phone or ID number unmasked, when, on which case and through which request
 * (the personal-information law expects a record of access). Append-only.
 */
@Entity({ name: 'personal_data_reads' })
@Index('ix_personal_data_reads_dispute_id_at', ['disputeId', 'at'])
export class PersonalDataReadEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_personal_data_reads',
  })
  id: string;

  @VarcharColumn('dispute_id', LENGTHS.id)
  disputeId: string;

  @VarcharColumn('user_id', LENGTHS.id)
  userId: string;

  @TimestampColumn('at')
  at: Date;

  /** The request, e.g. `GET /disputes/:id`. */
  @VarcharColumn('via', LENGTHS.code)
  via: string;
}
