import { Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { IntegerColumn, JsonColumn, LENGTHS, TimestampColumn, VarcharColumn } from '../columns';
import type { JsonObject } from '../types';
import { CommunityReportEntity } from './community-report.entity';

/** One thing done to a 社情 report, oldest first by seq. Payloads hold no personal data. */
@Entity({ name: 'community_report_events' })
@Unique('uq_community_report_events_report_id_seq', ['reportId', 'seq'])
export class CommunityReportEventEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_community_report_events',
  })
  id: string;

  @ForeignKey(() => CommunityReportEntity, 'id', {
    name: 'fk_community_report_events_report_id',
  })
  @VarcharColumn('report_id', LENGTHS.id)
  reportId: string;

  @IntegerColumn('seq')
  seq: number;

  /** FILED, HANDLED, ASSIGNED, CONVERTED or FLAGGED_OVERDUE. */
  @VarcharColumn('type', LENGTHS.short)
  type: string;

  @VarcharColumn('actor_id', LENGTHS.id)
  actorId: string;

  @VarcharColumn('actor_role', LENGTHS.short)
  actorRole: string;

  @JsonColumn('payload')
  payload: JsonObject;

  @TimestampColumn('at')
  at: Date;
}
