import { Check, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import type { UnitKind } from '../types';

/** A street, community or grid. Its ancestors are copied in so a jurisdiction filter is one equality. */
@Entity({ name: 'units' })
@Unique('uq_units_code', ['code'])
@Check('ck_units_kind', `kind IN ('street', 'community', 'grid')`)
@Index('ix_units_parent_code', ['parentCode'])
@Index('ix_units_street_code', ['streetCode'])
@Index('ix_units_community_code', ['communityCode'])
export class UnitEntity {
  @PrimaryColumn({ type: 'varchar', length: LENGTHS.id, primaryKeyConstraintName: 'pk_units' })
  id: string;

  @VarcharColumn('code', LENGTHS.code)
  code: string;

  @VarcharColumn('name', LENGTHS.name)
  name: string;

  @VarcharColumn('kind', LENGTHS.short)
  kind: UnitKind;

  @ForeignKey(() => UnitEntity, 'code', { name: 'fk_units_parent_code' })
  @VarcharColumn('parent_code', LENGTHS.code, { nullable: true })
  parentCode: string | null;

  /** The unit's street: its own code for a street. */
  @VarcharColumn('street_code', LENGTHS.code)
  streetCode: string;

  /** The unit's community: its own code for a community, null for a street. */
  @VarcharColumn('community_code', LENGTHS.code, { nullable: true })
  communityCode: string | null;

  @TimestampColumn('created_at')
  createdAt: Date;
}
