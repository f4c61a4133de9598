import { Check, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** A member of a community's 1+1+2+N+N team, with their team role. */
@Entity({ name: 'team_members' })
@Unique('uq_team_members_community_code_user_id', ['communityCode', 'userId'])
@Index('ix_team_members_user_id', ['userId'])
@Check(
  'ck_team_members_team_role',
  `team_role IN ('cadre', 'community_police', 'auxiliary_police', 'grid_worker', 'volunteer')`,
)
export class TeamMemberEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_team_members',
  })
  id: string;

  @ForeignKey(() => UnitEntity, 'code', { name: 'fk_team_members_community_code' })
  @VarcharColumn('community_code', LENGTHS.code)
  communityCode: string;

  @ForeignKey(() => UserEntity, 'id', { name: 'fk_team_members_user_id' })
  @VarcharColumn('user_id', LENGTHS.id)
  userId: string;

  @VarcharColumn('team_role', LENGTHS.short)
  teamRole: string;

  @TimestampColumn('added_at')
  addedAt: Date;

  @VarcharColumn('added_by', LENGTHS.id)
  addedBy: string;
}
