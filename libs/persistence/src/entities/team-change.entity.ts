import { Entity, Index, PrimaryColumn } from 'typeorm';
import { LENGTHS, TimestampColumn, VarcharColumn } from '../columns';

/** The audit trail of a team: every member added or removed, by whom and when. */
@Entity({ name: 'team_changes' })
@Index('ix_team_changes_community_code_at', ['communityCode', 'at'])
export class TeamChangeEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_team_changes',
  })
  id: string;

  @VarcharColumn('community_code', LENGTHS.code)
  communityCode: string;

  @VarcharColumn('user_id', LENGTHS.id)
  userId: string;

  @VarcharColumn('team_role', LENGTHS.short)
  teamRole: string;

  /** added or removed. */
  @VarcharColumn('change', LENGTHS.short)
  change: string;

  @VarcharColumn('actor_id', LENGTHS.id)
  actorId: string;

  @VarcharColumn('actor_role', LENGTHS.short)
  actorRole: string;

  @TimestampColumn('at')
  at: Date;
}
