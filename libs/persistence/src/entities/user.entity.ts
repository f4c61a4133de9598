import { Check, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { BooleanColumn, IntegerColumn, LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import type { Institution, Role } from '../types';
import { UnitEntity } from './unit.entity';

@Entity({ name: 'users' })
@Unique('uq_users_username', ['username'])
@Index('ix_users_unit_code', ['unitCode'])
@Check(
  'ck_users_role',
  `role IN ('grid_worker', 'community_police', 'judicial_officer', 'lawyer', 'panel_member', 'supervisor', 'admin', 'auxiliary_police', 'volunteer')`,
)
@Check(
  'ck_users_institution',
  `institution IS NULL OR institution IN ('police_station', 'judicial_office', 'law_firm', 'court')`,
)
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: LENGTHS.id, primaryKeyConstraintName: 'pk_users' })
  id: string;

  @VarcharColumn('username', LENGTHS.code)
  username: string;

  @VarcharColumn('password_hash', LENGTHS.name)
  passwordHash: string;

  @VarcharColumn('display_name', LENGTHS.name)
  displayName: string;

  @VarcharColumn('role', LENGTHS.short)
  role: Role;

  /** Null only for the admin created at first start, before any unit exists. */
  @ForeignKey(() => UnitEntity, 'code', { name: 'fk_users_unit_code' })
  @VarcharColumn('unit_code', LENGTHS.code, { nullable: true })
  unitCode: string | null;

  /** Panel members' institution (三所一庭); null for other roles. */
  @VarcharColumn('institution', LENGTHS.short, { nullable: true })
  institution: Institution | null;

  @BooleanColumn('active')
  active: boolean;

  /**
   * Bumped by logout, deactivation, a password change or reset, a role or unit change: tokens
   * carry the version they were issued at and are refused once it moved. Null reads as 0 (the
   * column was added to existing rows without a database default, see columns.ts).
   */
  @IntegerColumn('token_version', { nullable: true })
  tokenVersion?: number | null;

  @TimestampColumn('created_at')
  createdAt: Date;
}
