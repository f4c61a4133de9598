import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { columnsFor, dialectOf, type Dialect } from './schema-kit';

// Frozen copies, not domain constants (see schema-kit); the live SQL is in
// libs/core/src/stats/rollup-sql.ts.
const TIERS = ['blue', 'yellow', 'red'] as const;
const CHANGES = 'stats_closed_changes';
const COUNTS = 'stats_rollup';
const TIMES = 'stats_rollup_times';
const LN_STEP = Math.log(1.01).toPrecision(17);
const OPEN_INDEX = 'ix_disputes_stats_open';
const STATS_KEYS = ['street_code', 'community_code', 'grid_code', 'created_at'];
const STATS_COLUMNS = [
  'tier',
  'status',
  'outcome',
  'overdue',
  'next_deadline_at',
  'highest_tier',
  'opened_tier',
  'closed_at',
  'tier_since',
  ...TIERS.map((t) => `${t}_ms`),
  'mediation_type',
  'agreement_reached',
  'judicially_confirmed',
];

function changeValues(dialect: Dialect, row: string, cases: 1 | -1): string[] {
  const pg = dialect === 'postgres';
  const flag = (condition: string) =>
    pg ? `COALESCE(${condition}, false)` : `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
  const stay = pg
    ? `1000 * (date_part('epoch', ${row}.closed_at) - date_part('epoch', ${row}.tier_since))`
    : `(julianday(${row}.closed_at) - julianday(${row}.tier_since)) * 86400000`;
  return [
    pg ? 'gen_random_uuid()::text' : 'lower(hex(randomblob(16)))',
    String(cases),
    `${row}.street_code`,
    pg
      ? `to_char(${row}.created_at AT TIME ZONE 'UTC', 'YYYY-MM')`
      : `strftime('%Y-%m', ${row}.created_at)`,
    `${row}.tier`,
    `${row}.outcome`,
    `COALESCE(${row}.mediation_type, 'people')`,
    flag(`${row}.outcome = 'resolved' AND ${row}.highest_tier <> ${row}.opened_tier`),
    flag(`${row}.agreement_reached = ${pg ? 'true' : '1'}`),
    flag(`${row}.judicially_confirmed = ${pg ? 'true' : '1'}`),
    ...TIERS.map((t) => `${row}.${t}_ms + CASE WHEN ${row}.tier = '${t}' THEN ${stay} ELSE 0 END`),
  ];
}

const CHANGE_COLUMN_LIST = [
  'id',
  'cases',
  'street_code',
  'month',
  'tier',
  'outcome',
  'mediation_type',
  'raised',
  'reached',
  'confirmed',
  ...TIERS.map((t) => `${t}_ms`),
];
const CHANGE_COLUMNS = CHANGE_COLUMN_LIST.join(', ');

// A closed case's counted columns: a change to any of them moves it in the roll-up.
const COUNTED = [
  'street_code',
  'created_at',
  'tier',
  'highest_tier',
  'opened_tier',
  'outcome',
  'mediation_type',
  'agreement_reached',
  'judicially_confirmed',
  'closed_at',
  'tier_since',
  ...TIERS.map((t) => `${t}_ms`),
];

const levels = (source: string) =>
  `SELECT 'district' AS unit_kind, '' AS unit_code, g.* FROM ${source} g
   UNION ALL SELECT 'street' AS unit_kind, g.street_code AS unit_code, g.* FROM ${source} g`;

function foldCounts(dialect: Dialect, source: string): string {
  const pg = dialect === 'postgres';
  const when = (column: string) =>
    `SUM(CASE WHEN l.${column} = ${pg ? 'true' : '1'} THEN l.cases ELSE 0 END)`;
  return `INSERT INTO ${COUNTS} (unit_kind, unit_code, month, tier, outcome, mediation_type, raised, cases, reached, confirmed)
    SELECT l.unit_kind, l.unit_code, l.month, l.tier, COALESCE(l.outcome, ''), l.mediation_type,
      l.raised, SUM(l.cases), ${when('reached')}, ${when('confirmed')}
    FROM (${levels(source)}) l WHERE true
    GROUP BY l.unit_kind, l.unit_code, l.month, l.tier, COALESCE(l.outcome, ''), l.mediation_type, l.raised`;
}

function foldTimes(dialect: Dialect, source: string): string {
  const pg = dialect === 'postgres';
  const bucket = `(CASE WHEN x.ms >= 1 THEN 1 + floor(ln(x.ms) / ${LN_STEP})
    WHEN x.ms > -1 THEN 0 ELSE -1 - floor(ln(-(x.ms)) / ${LN_STEP}) END)`;
  const tierRows = TIERS.map((t) => `SELECT '${t}' AS tier`).join(' UNION ALL ');
  return `INSERT INTO ${TIMES} (unit_kind, unit_code, month, tier, bucket, cases, sum_ms, min_ms, max_ms, exact)
    SELECT v.unit_kind, v.unit_code, v.month, v.tier, v.bucket, SUM(v.cases), SUM(v.cases * v.ms),
      MIN(v.ms), MAX(v.ms), ${pg ? 'bool_and(v.cases > 0)' : 'MIN(v.cases > 0)'}
    FROM (
      SELECT x.unit_kind, x.unit_code, x.month, x.tier, x.cases, x.ms, ${bucket} AS bucket
      FROM (
        SELECT l.unit_kind, l.unit_code, l.month, t.tier, l.cases,
          CASE t.tier ${TIERS.map((tier) => `WHEN '${tier}' THEN l.${tier}_ms`).join(' ')} END AS ms
        FROM (${levels(source)}) l CROSS JOIN (${tierRows}) t
      ) x WHERE x.ms IS NOT NULL
    ) v WHERE true
    GROUP BY v.unit_kind, v.unit_code, v.month, v.tier, v.bucket`;
}

/**
 * Issue 12, item 5: GET /stats for a whole district or street reads closed cases from a roll-up
 * instead of from `disputes` (a closed case never changes: closed is the statechart's final
 * state), and only the open cases live.
 *
 * - `stats_closed_changes`, filled by triggers on `disputes` in the writer's own transaction (the
 *   transition's single statement, a timer batch's CTEs, anything else): +1 for a case that is
 *   closed after the write, -1 for one that was closed before it, when either side is closed
 *   and something the statistics count differs (so an edit by hand, or a delete, stays exact).
 * - `stats_rollup` and `stats_rollup_times`: the changes folded per unit (the district, each
 *   street) and month of opening; the timer worker folds them (StatsRollupFold).
 * - `ix_disputes_stats_open`: ix_disputes_stats of the open cases only, which is all GET /stats
 *   reads of `disputes` for a district or a street (at a million cases, 300,000 index entries
 *   instead of a million). A transition of an open case writes one more index entry for it.
 * This migration back-fills the roll-up from the cases closed so far.
 */
export class StatsRollup1768400000000 implements MigrationInterface {
  readonly name = 'StatsRollup1768400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const c = columnsFor(dialect);
    const double = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: 'double precision',
      isNullable: nullable,
    });
    const key = (column: TableColumnOptions): TableColumnOptions => ({
      ...column,
      isPrimary: true,
    });
    await queryRunner.createTable(
      new Table({
        name: CHANGES,
        columns: [
          c.primaryKey(CHANGES),
          c.integer('cases'),
          c.varchar('street_code', 64),
          c.varchar('month', 7),
          c.varchar('tier', 32),
          c.varchar('outcome', 32, { nullable: true }),
          c.varchar('mediation_type', 32),
          c.boolean('raised'),
          c.boolean('reached'),
          c.boolean('confirmed'),
          ...TIERS.map((t) => double(`${t}_ms`, true)),
        ],
      }),
    );
    const unitKeys = [
      key(c.varchar('unit_kind', 16)),
      key(c.varchar('unit_code', 64)),
      key(c.varchar('month', 7)),
      key(c.varchar('tier', 32)),
    ];
    await queryRunner.createTable(
      new Table({
        name: COUNTS,
        columns: [
          ...unitKeys,
          key(c.varchar('outcome', 32)),
          key(c.varchar('mediation_type', 32)),
          key(c.boolean('raised')),
          c.integer('cases'),
          c.integer('reached'),
          c.integer('confirmed'),
        ].map((column) =>
          column.isPrimary ? { ...column, primaryKeyConstraintName: `pk_${COUNTS}` } : column,
        ),
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: TIMES,
        columns: [
          ...unitKeys,
          key(c.integer('bucket')),
          c.integer('cases'),
          double('sum_ms'),
          double('min_ms'),
          double('max_ms'),
          c.boolean('exact'),
        ].map((column) =>
          column.isPrimary ? { ...column, primaryKeyConstraintName: `pk_${TIMES}` } : column,
        ),
      }),
    );

    const changed = COUNTED.map((col) => `OLD.${col} IS DISTINCT FROM NEW.${col}`).join(' OR ');
    if (dialect === 'postgres') {
      await queryRunner.query(`
        CREATE FUNCTION tricolor_stats_closed_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN
            IF OLD.status = 'closed' THEN
              INSERT INTO ${CHANGES} (${CHANGE_COLUMNS}) SELECT ${changeValues(dialect, 'OLD', -1).join(', ')};
            END IF;
          END IF;
          IF TG_OP <> 'DELETE' THEN
            IF NEW.status = 'closed' THEN
              INSERT INTO ${CHANGES} (${CHANGE_COLUMNS}) SELECT ${changeValues(dialect, 'NEW', 1).join(', ')};
            END IF;
          END IF;
          RETURN NULL;
        END $$`);
      // WHEN is evaluated without calling the function: a transition of an open case that
      // stays open costs one comparison.
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_stats_insert AFTER INSERT ON disputes FOR EACH ROW
        WHEN (NEW.status = 'closed') EXECUTE FUNCTION tricolor_stats_closed_change()`);
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_stats_update AFTER UPDATE ON disputes FOR EACH ROW
        WHEN ((NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed')
          OR (OLD.status = 'closed' AND (NEW.status IS DISTINCT FROM 'closed' OR ${changed})))
        EXECUTE FUNCTION tricolor_stats_closed_change()`);
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_stats_delete AFTER DELETE ON disputes FOR EACH ROW
        WHEN (OLD.status = 'closed') EXECUTE FUNCTION tricolor_stats_closed_change()`);
    } else {
      const insert = (row: string, cases: 1 | -1) =>
        `INSERT INTO ${CHANGES} (${CHANGE_COLUMNS}) SELECT ${changeValues(dialect, row, cases).join(', ')}`;
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_stats_insert AFTER INSERT ON disputes FOR EACH ROW
        WHEN NEW.status = 'closed' BEGIN ${insert('NEW', 1)}; END`);
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_stats_update AFTER UPDATE ON disputes FOR EACH ROW
        WHEN (NEW.status = 'closed' AND OLD.status IS NOT 'closed')
          OR (OLD.status = 'closed' AND (NEW.status IS NOT 'closed' OR ${changed.replace(/IS DISTINCT FROM/g, 'IS NOT')}))
        BEGIN
          ${insert('OLD', -1)} WHERE OLD.status = 'closed';
          ${insert('NEW', 1)} WHERE NEW.status = 'closed';
        END`);
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_stats_delete AFTER DELETE ON disputes FOR EACH ROW
        WHEN OLD.status = 'closed' BEGIN ${insert('OLD', -1)}; END`);
    }

    await queryRunner.query(
      dialect === 'postgres'
        ? `CREATE INDEX "${OPEN_INDEX}" ON "disputes" (${STATS_KEYS.join(', ')}) INCLUDE (${STATS_COLUMNS.join(', ')}) WHERE status <> 'closed'`
        : `CREATE INDEX "${OPEN_INDEX}" ON "disputes" (${[...STATS_KEYS, ...STATS_COLUMNS].join(', ')}) WHERE status <> 'closed'`,
    );

    // The back-fill: every case closed so far, straight into the roll-up.
    const values = changeValues(dialect, 'd', 1);
    const source = `(SELECT ${CHANGE_COLUMN_LIST.map((col, i) => `${values[i]} AS ${col}`).join(', ')}
      FROM disputes d WHERE d.status = 'closed')`;
    await queryRunner.query(foldCounts(dialect, source));
    await queryRunner.query(foldTimes(dialect, source));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const on = dialect === 'postgres' ? ' ON disputes' : '';
    await queryRunner.query(`DROP INDEX IF EXISTS "${OPEN_INDEX}"`);
    for (const trigger of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS tr_disputes_stats_${trigger}${on}`);
    }
    if (dialect === 'postgres') {
      await queryRunner.query('DROP FUNCTION IF EXISTS tricolor_stats_closed_change()');
    }
    await queryRunner.dropTable(TIMES);
    await queryRunner.dropTable(COUNTS);
    await queryRunner.dropTable(CHANGES);
  }
}
