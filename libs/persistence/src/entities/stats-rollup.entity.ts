import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BooleanColumn, IntegerColumn, LENGTHS, VarcharColumn } from '../columns';

// The roll-up of closed cases that GET /stats reads (migration 1768400000000 and
// libs/core/src/stats/rollup-sql.ts). Written by triggers on `disputes` and by the fold only.

const TIERS = ['blue', 'yellow', 'red'] as const;
const DoubleColumn = (name: string, nullable = false) =>
  Column({ name, type: 'double precision', nullable });

const key = (name: string, length: number, table: string) =>
  PrimaryColumn({ name, type: 'varchar', length, primaryKeyConstraintName: `pk_${table}` });

/** A closed case that appeared (+1) or went (-1), not yet folded into the roll-up. */
@Entity({ name: 'stats_closed_changes' })
export class StatsClosedChangeEntity {
  @PrimaryColumn({
    type: 'varchar',
    length: LENGTHS.id,
    primaryKeyConstraintName: 'pk_stats_closed_changes',
  })
  id: string;

  @IntegerColumn('cases')
  cases: number;

  @VarcharColumn('street_code', 64)
  streetCode: string;

  /** Month of opening, UTC, `YYYY-MM`. */
  @VarcharColumn('month', 7)
  month: string;

  @VarcharColumn('tier', 32)
  tier: string;

  @VarcharColumn('outcome', 32, { nullable: true })
  outcome: string | null;

  @VarcharColumn('mediation_type', 32)
  mediationType: string;

  @BooleanColumn('raised')
  raised: boolean;

  @BooleanColumn('reached')
  reached: boolean;

  @BooleanColumn('confirmed')
  confirmed: boolean;

  @DoubleColumn(`${TIERS[0]}_ms`, true)
  blueMs: number | null;

  @DoubleColumn(`${TIERS[1]}_ms`, true)
  yellowMs: number | null;

  @DoubleColumn(`${TIERS[2]}_ms`, true)
  redMs: number | null;
}

/** Closed cases counted per unit, month of opening, tier, outcome, mediation type, raised. */
@Entity({ name: 'stats_rollup' })
export class StatsRollupEntity {
  /** `district` (unit_code '') or `street`. */
  @key('unit_kind', 16, 'stats_rollup')
  unitKind: string;

  @key('unit_code', 64, 'stats_rollup')
  unitCode: string;

  @key('month', 7, 'stats_rollup')
  month: string;

  @key('tier', 32, 'stats_rollup')
  tier: string;

  /** '' for none. */
  @key('outcome', 32, 'stats_rollup')
  outcome: string;

  @key('mediation_type', 32, 'stats_rollup')
  mediationType: string;

  @PrimaryColumn({ name: 'raised', type: 'boolean', primaryKeyConstraintName: 'pk_stats_rollup' })
  raised: boolean;

  @IntegerColumn('cases')
  cases: number;

  @IntegerColumn('reached')
  reached: number;

  @IntegerColumn('confirmed')
  confirmed: number;
}

/** Time at a tier of closed cases per unit and month: a histogram of 1 % log buckets. */
@Entity({ name: 'stats_rollup_times' })
export class StatsRollupTimeEntity {
  @key('unit_kind', 16, 'stats_rollup_times')
  unitKind: string;

  @key('unit_code', 64, 'stats_rollup_times')
  unitCode: string;

  @key('month', 7, 'stats_rollup_times')
  month: string;

  @key('tier', 32, 'stats_rollup_times')
  tier: string;

  @PrimaryColumn({
    name: 'bucket',
    type: 'integer',
    primaryKeyConstraintName: 'pk_stats_rollup_times',
  })
  bucket: number;

  @IntegerColumn('cases')
  cases: number;

  @DoubleColumn('sum_ms')
  sumMs: number;

  @DoubleColumn('min_ms')
  minMs: number;

  @DoubleColumn('max_ms')
  maxMs: number;

  /** min_ms and max_ms are the bucket's own values (no value was ever taken out). */
  @BooleanColumn('exact')
  exact: boolean;
}
