import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { LENGTHS, TextColumn, TimestampColumn, VarcharColumn, numberTransformer } from '../columns';
import type { TimerStatus } from '../types';
import { DisputeEntity } from './dispute.entity';

/**
 * A scheduled deadline, reminder or follow-up. The row is the source of truth; the queue job is
 * only the wake-up call, so Redis losing its data loses no timer.
 */
@Entity({ name: 'timers' })
@Index('ix_timers_status_due_at', ['status', 'dueAt'])
@Index('ix_timers_dispute_id', ['disputeId'])
@Check('ck_timers_status', `status IN ('scheduled', 'fired', 'cancelled')`)
@Check('ck_timers_id', `id NOT LIKE '%:%'`)
export class TimerEntity {
  /** Supplied by the caller (the workflow's timer id, prefixed with the case id); contains no ':'. */
  @PrimaryColumn({ type: 'varchar', length: LENGTHS.key, primaryKeyConstraintName: 'pk_timers' })
  id: string;

  @ForeignKey(() => DisputeEntity, 'id', { name: 'fk_timers_dispute_id' })
  @VarcharColumn('dispute_id', LENGTHS.id)
  disputeId: string;

  @VarcharColumn('kind', LENGTHS.short)
  kind: string;

  /** The event it sends when it fires; null for timers that only notify. */
  @VarcharColumn('fires', LENGTHS.short, { nullable: true })
  fires: string | null;

  @TimestampColumn('due_at')
  dueAt: Date;

  @VarcharColumn('status', LENGTHS.short)
  status: TimerStatus;

  /** The state (and visit) it was set for, checked again when it fires. */
  @TextColumn('state_path')
  statePath: string;

  @TimestampColumn('created_at')
  createdAt: Date;

  @TimestampColumn('fired_at', { nullable: true })
  firedAt: Date | null;

  // bigint: a worker down for 25 days would overflow a 32-bit count of milliseconds.
  @Column({ name: 'lateness_ms', type: 'bigint', nullable: true, transformer: numberTransformer })
  latenessMs: number | null;

  @TextColumn('cancel_reason', { nullable: true })
  cancelReason: string | null;
}
