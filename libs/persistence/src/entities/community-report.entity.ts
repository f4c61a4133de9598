import { Check, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import {
  DegreesColumn,
  IntegerColumn,
  JsonColumn,
  LENGTHS,
  TextColumn,
  TimestampColumn,
  VarcharColumn,
} from '../columns';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** Someone a 社情 report is about: personal data, masked like a case's parties. */
export interface ConcernedPerson {
  name: string;
  phone?: string;
  idNumber?: string;
  note?: string;
}

/**
 * A 社情 report: what a grid worker (or volunteer) saw in the grid that day. It is looked at by the
 * community police room, then handled, followed up by a team member, or turned into a dispute.
 * `version` guards concurrent actions the way a case's does; each action appends one
 * community_report_events record with seq = the new version.
 */
@Entity({ name: 'community_reports' })
@Unique('uq_community_reports_reference', ['reference'])
@Index('ix_community_reports_community_code_created_at', ['communityCode', 'createdAt'])
@Index('ix_community_reports_grid_code_created_at', ['gridCode', 'createdAt'])
@Index('ix_community_reports_street_code_created_at', ['streetCode', 'createdAt'])
@Index('ix_community_reports_review_due_at', ['reviewDueAt'])
@Check('ck_community_reports_status', `status IN ('open', 'handled', 'converted')`)
export class CommunityReportEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_community_reports',
  })
  id: string;

  /** Human-readable, e.g. `SQ-20261130-1A2B3C4D`. */
  @VarcharColumn('reference', LENGTHS.reference)
  reference: string;

  @ForeignKey(() => UnitEntity, 'code', { name: 'fk_community_reports_grid_code' })
  @VarcharColumn('grid_code', LENGTHS.code)
  gridCode: string;

  @VarcharColumn('community_code', LENGTHS.code)
  communityCode: string;

  @VarcharColumn('street_code', LENGTHS.code)
  streetCode: string;

  @VarcharColumn('category', LENGTHS.short)
  category: string;

  @VarcharColumn('urgency', LENGTHS.short)
  urgency: string;

  /** What was seen. */
  @TextColumn('summary')
  summary: string;

  /** Where in the grid, in words (building, stairwell, shop). */
  @TextColumn('place')
  place: string;

  @JsonColumn('concerned')
  concerned: ConcernedPerson[];

  /** A reference to a photo held elsewhere (an attachment id or URL); never the image. */
  @VarcharColumn('photo_ref', LENGTHS.key, { nullable: true })
  photoRef: string | null;

  @DegreesColumn('lon')
  lon: number | null;

  @DegreesColumn('lat')
  lat: number | null;

  @VarcharColumn('status', LENGTHS.short)
  status: 'open' | 'handled' | 'converted';

  @ForeignKey(() => UserEntity, 'id', { name: 'fk_community_reports_filed_by' })
  @VarcharColumn('filed_by', LENGTHS.id)
  filedBy: string;

  @TimestampColumn('created_at')
  createdAt: Date;

  /** When the report must have been looked at (the next working day's end). */
  @TimestampColumn('review_due_at')
  reviewDueAt: Date;

  /** The first action on it by the police room (handled, assigned or converted). */
  @TimestampColumn('looked_at', { nullable: true })
  lookedAt: Date | null;

  @VarcharColumn('looked_by', LENGTHS.id, { nullable: true })
  lookedBy: string | null;

  @TimestampColumn('handled_at', { nullable: true })
  handledAt: Date | null;

  @VarcharColumn('handled_by', LENGTHS.id, { nullable: true })
  handledBy: string | null;

  @TextColumn('handling_note', { nullable: true })
  handlingNote: string | null;

  /** The team member following it up. */
  @ForeignKey(() => UserEntity, 'id', { name: 'fk_community_reports_assignee_id' })
  @VarcharColumn('assignee_id', LENGTHS.id, { nullable: true })
  assigneeId: string | null;

  @TextColumn('follow_up', { nullable: true })
  followUp: string | null;

  /** The dispute it was turned into. */
  @VarcharColumn('dispute_id', LENGTHS.id, { nullable: true })
  disputeId: string | null;

  /** When the supervisors were told nobody had looked at it in time. */
  @TimestampColumn('overdue_flagged_at', { nullable: true })
  overdueFlaggedAt: Date | null;

  @IntegerColumn('version')
  version: number;

  @TimestampColumn('updated_at')
  updatedAt: Date;
}
