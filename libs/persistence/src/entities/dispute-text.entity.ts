import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LENGTHS, TextColumn, VarcharColumn } from '../columns';
import { DisputeEntity } from './dispute.entity';

/**
 * The searchable text of a case, a copy of `disputes`' title, description and reference kept for
 * the list's text search. On PostgreSQL the trigram (GIN) indexes live here, not on `disputes`:
 * every transition updates the case row, and an update that is not HOT adds an entry to every
 * index of its table — three GIN indexes re-extracting the trigrams of text that never changes
 * were most of what a transition cost PostgreSQL. Written by triggers on `disputes` (insert, and
 * an update of those columns; migration 1768000000000), so every writer keeps it in step; the
 * application never writes it.
 */
@Entity({ name: 'dispute_texts' })
@Index('ix_dispute_texts_title_trgm', { synchronize: false })
@Index('ix_dispute_texts_description_trgm', { synchronize: false })
@Index('ix_dispute_texts_reference_trgm', { synchronize: false })
export class DisputeTextEntity {
  /** The case's id. */
  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_dispute_texts_id' })
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_dispute_texts',
  })
  id: string;

  @TextColumn('title')
  title: string;

  @TextColumn('description')
  description: string;

  @VarcharColumn('reference', LENGTHS.reference)
  reference: string;
}
