import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import {
  AmountColumn,
  BooleanColumn,
  DegreesColumn,
  IntegerColumn,
  JsonColumn,
  LENGTHS,
  numberTransformer,
  TextColumn,
  TimestampColumn,
  VarcharColumn,
} from '../columns';
import type {
  MediationType,
  Outcome,
  PartyCapacity,
  PartyRole,
  PersistedWorkflow,
  RepresentativeKind,
  RiskAssessment,
  Status,
  Tier,
} from '../types';
import { partyNumbersTransformer } from '../encrypted-columns';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/** A party as the case record keeps it: contact details live here, not in the workflow. */
export interface PartyRecord {
  id: string;
  name: string;
  role: PartyRole;
  phone?: string;
  idNumber?: string;
  /** 民法典 Arts. 19–24; absent: full capacity. */
  capacity?: PartyCapacity;
  /** The guardian or agent who acts and signs for the party (PML Art. 23). */
  representative?: {
    id: string;
    name: string;
    kind: RepresentativeKind;
    /** e.g. father, mother, nephew; free text as the party says it. */
    relation?: string;
  } | null;
}

/**
 * A case. `version` is optimistic concurrency done by hand (`UPDATE … WHERE version = :expected`),
 * not TypeORM's @VersionColumn, so a stale writer sees zero affected rows instead of a silent bump.
 */
@Entity({ name: 'disputes' })
@Unique('uq_disputes_reference', ['reference'])
@Index('ix_disputes_street_code_status', ['streetCode', 'status'])
// The case list, newest first, whole or under one unit column: walked in index order.
@Index('ix_disputes_street_code_created_at_id', ['streetCode', 'createdAt', 'id'])
@Index('ix_disputes_community_code_created_at_id', ['communityCode', 'createdAt', 'id'])
@Index('ix_disputes_grid_code_created_at_id', ['gridCode', 'createdAt', 'id'])
@Index('ix_disputes_created_at_id', ['createdAt', 'id'])
// Every transition updates this row, and an update that is not HOT writes an entry into every
// index, so each index here is one a list or a report needs (migration 1768000000000): text
// search has its own table (DisputeTextEntity), a tier filter walks the created_at indexes (a
// third of all cases match), and the overdue list reads a partial index of overdue cases only.
@Index('ix_disputes_status', ['status'])
// (created_at, id) WHERE overdue: made by the migration (TypeORM compares partial indexes poorly).
@Index('ix_disputes_overdue_created_at_id', { synchronize: false })
@Index('ix_disputes_next_deadline_at', ['nextDeadlineAt'])
// GET /stats reads only this index on PostgreSQL: (street_code, community_code, grid_code,
// created_at) INCLUDE every column the stats read. TypeORM cannot describe INCLUDE, so the
// migration owns it and the schema builder leaves it alone.
@Index('ix_disputes_stats', { synchronize: false })
// The same of the open cases only (WHERE status <> 'closed'): what GET /stats reads live for a
// district or a street, the closed cases coming from the roll-up (migration 1768400000000).
@Index('ix_disputes_stats_open', { synchronize: false })
@Check('ck_disputes_tier', `tier IN ('blue', 'yellow', 'red')`)
@Check('ck_disputes_highest_tier', `highest_tier IN ('blue', 'yellow', 'red')`)
export class DisputeEntity {
  @PrimaryColumn({ type: 'varchar', length: LENGTHS.id, primaryKeyConstraintName: 'pk_disputes' })
  id: string;

  /** Human-readable, e.g. `TC-2026-000042`. */
  @VarcharColumn('reference', LENGTHS.reference)
  reference: string;

  @TextColumn('title')
  title: string;

  @TextColumn('description')
  description: string;

  @VarcharColumn('category', LENGTHS.code)
  category: string;

  @ForeignKey(() => UnitEntity, 'code', { name: 'fk_disputes_grid_code' })
  @VarcharColumn('grid_code', LENGTHS.code)
  gridCode: string;

  @VarcharColumn('community_code', LENGTHS.code)
  communityCode: string;

  @VarcharColumn('street_code', LENGTHS.code)
  streetCode: string;

  @VarcharColumn('tier', LENGTHS.short)
  tier: Tier;

  @VarcharColumn('highest_tier', LENGTHS.short)
  highestTier: Tier;

  @VarcharColumn('status', LENGTHS.short)
  status: Status;

  @VarcharColumn('outcome', LENGTHS.short, { nullable: true })
  outcome: Outcome | null;

  @BooleanColumn('overdue')
  overdue: boolean;

  /** Phone and ID numbers encrypted at rest (AES-GCM, DATA_KEYS). */
  @JsonColumn('parties', { transformer: partyNumbersTransformer })
  parties: PartyRecord[];

  @AmountColumn('amount')
  amount: number | null;

  @JsonColumn('risk_assessment')
  riskAssessment: RiskAssessment;

  /** The persisted workflow state, tagged by machine_id and machine_version. */
  @JsonColumn('snapshot')
  snapshot: PersistedWorkflow;

  @VarcharColumn('machine_id', LENGTHS.code)
  machineId: string;

  @IntegerColumn('machine_version')
  machineVersion: number;

  @IntegerColumn('version')
  version: number;

  /** The closed case this one was opened to follow (a closed case is never reopened). */
  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_disputes_linked_case_id' })
  @VarcharColumn('linked_case_id', LENGTHS.id, { nullable: true })
  linkedCaseId: string | null;

  @ForeignKey(() => UserEntity, 'id', { name: 'fk_disputes_opened_by' })
  @VarcharColumn('opened_by', LENGTHS.id)
  openedBy: string;

  @TimestampColumn('next_deadline_at', { nullable: true })
  nextDeadlineAt: Date | null;

  @TimestampColumn('created_at')
  createdAt: Date;

  @TimestampColumn('updated_at')
  updatedAt: Date;

  @TimestampColumn('closed_at', { nullable: true })
  closedAt: Date | null;

  // The tier clock (libs/core/src/stats/tier-clock.ts), kept so GET /stats needs no audit trail.
  // Nullable only for the migration that added them; every case has opened_tier and tier_since.

  /** The tier of the record that opened the case. */
  @VarcharColumn('opened_tier', LENGTHS.short, { nullable: true })
  openedTier: Tier | null;

  /** When the case entered its current tier. */
  @TimestampColumn('tier_since', { nullable: true })
  tierSince: Date | null;

  /** Milliseconds spent at blue before the current stay there; null if never at blue. */
  @Column({ name: 'blue_ms', type: 'bigint', nullable: true, transformer: numberTransformer })
  blueMs: number | null;

  /** Milliseconds spent at yellow before the current stay there; null if never at yellow. */
  @Column({ name: 'yellow_ms', type: 'bigint', nullable: true, transformer: numberTransformer })
  yellowMs: number | null;

  /** Milliseconds spent at red before the current stay there; null if never at red. */
  @Column({ name: 'red_ms', type: 'bigint', nullable: true, transformer: numberTransformer })
  redMs: number | null;

  // Added by the community police room (optional in the type so older literals still compile).

  /** The 社情 report this case was opened from, if any. */
  @VarcharColumn('report_id', LENGTHS.id, { nullable: true })
  reportId?: string | null;

  /** Where the case is, from the phone or picked on the map (WGS 84 degrees). */
  @DegreesColumn('lon')
  lon?: number | null;

  @DegreesColumn('lat')
  lat?: number | null;

  // Issue 16, points 8–9 (docs/law.md). Nullable for the migration that added them; every case
  // written since has them. Optional in the type so older literals still compile.

  /** 人民调解 / 治安调解 / 诉前·法院调解: which body counts the case. Null reads as people's. */
  @VarcharColumn('mediation_type', LENGTHS.short, { nullable: true })
  mediationType?: MediationType | null;

  /** PML Art. 23: mediated not in public at a party's request; the weekly agenda is redacted. */
  @Column({ name: 'in_private', type: 'boolean', nullable: true })
  inPrivate?: boolean | null;

  /** An agreement took effect (调解成功), whatever became of its performance or confirmation. */
  @Column({ name: 'agreement_reached', type: 'boolean', nullable: true })
  agreementReached?: boolean | null;

  /** A court confirmed an agreement of the case (PML Art. 33). */
  @Column({ name: 'judicially_confirmed', type: 'boolean', nullable: true })
  judiciallyConfirmed?: boolean | null;
}
