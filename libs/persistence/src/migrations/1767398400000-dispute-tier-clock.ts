import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';
import { columnsFor, dialectOf, type Dialect } from './schema-kit';

// Frozen copies, not domain constants (see schema-kit).
const TIERS = ['blue', 'yellow', 'red'] as const;
const INDEX = 'ix_disputes_stats';
// What GET /stats reads of a case besides the keys it filters on.
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
];
// Every unit filter is a prefix of these: a community or grid filter also names its street.
const KEYS = ['street_code', 'community_code', 'grid_code', 'created_at'];

/** Whole milliseconds from `earlier` to `later`. */
function msBetween(dialect: Dialect, later: string, earlier: string): string {
  return dialect === 'postgres'
    ? `ROUND(EXTRACT(EPOCH FROM (${later} - ${earlier})) * 1000)::bigint`
    : `CAST(ROUND((julianday(${later}) - julianday(${earlier})) * 86400000) AS INTEGER)`;
}

/**
 * The tier clock of a case, so GET /stats reads counts and time per tier from `disputes` alone
 * (and on PostgreSQL from one covering index) instead of joining the audit trail:
 * - `opened_tier`: the tier of its first record;
 * - `tier_since`: when it entered its current tier (the first record of the last run of records
 *   at that tier);
 * - `<tier>_ms`: time spent at that tier before that run; NULL if no record was ever at it.
 * Time at tier t = t_ms + (tier = t ? (closed_at ?? now) - tier_since : 0), the same spans the
 * audit trail yields (each record lasts until the next, the last until closed or now).
 *
 * The columns are nullable so that adding them is a catalogue change on PostgreSQL and a plain
 * ALTER TABLE on SQLite (no table rebuild under the foreign keys that point at disputes); the
 * backfill and every write after it set them.
 */
export class DisputeTierClock1767398400000 implements MigrationInterface {
  readonly name = 'DisputeTierClock1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const c = columnsFor(dialect);
    const columns: TableColumnOptions[] = [
      c.varchar('opened_tier', 32, { nullable: true }),
      c.timestamp('tier_since', { nullable: true }),
      ...TIERS.map((t) => c.bigint(`${t}_ms`, { nullable: true })),
    ];
    if (dialect === 'postgres') {
      await queryRunner.addColumns(
        'disputes',
        columns.map((column) => new TableColumn(column)),
      );
    } else {
      // TypeORM rebuilds a SQLite table to add a column; ALTER TABLE ADD COLUMN does not need to.
      for (const column of columns) {
        const type = column.length ? `${column.type}(${column.length})` : column.type;
        await queryRunner.query(`ALTER TABLE "disputes" ADD COLUMN "${column.name}" ${type}`);
      }
    }

    await queryRunner.query(backfillSql(dialect));

    // PostgreSQL answers the stats scans from the index alone (INCLUDE, which TypeORM's TableIndex
    // cannot express); on SQLite an index holding every column it reads is covering the same way.
    await queryRunner.query(
      dialect === 'postgres'
        ? `CREATE INDEX "${INDEX}" ON "disputes" (${KEYS.join(', ')}) INCLUDE (${STATS_COLUMNS.join(', ')})`
        : `CREATE INDEX "${INDEX}" ON "disputes" (${[...KEYS, ...STATS_COLUMNS].join(', ')})`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "${INDEX}"`);
    for (const column of ['opened_tier', 'tier_since', ...TIERS.map((t) => `${t}_ms`)]) {
      await queryRunner.query(`ALTER TABLE "disputes" DROP COLUMN "${column}"`);
    }
  }
}

/**
 * The clock of every existing case from its audit trail: each record spans until the next one
 * (LEAD in seq order); the current run starts after the last record at another tier than the
 * case's own; its spans are left to tier_since.
 */
function backfillSql(dialect: Dialect): string {
  const ms = msBetween(dialect, 'e.next_at', 'e.at');
  const perTier = TIERS.map(
    (t) => `CASE WHEN SUM(CASE WHEN e.to_tier = '${t}' THEN 1 ELSE 0 END) > 0 THEN
        COALESCE(SUM(CASE WHEN e.to_tier = '${t}' AND e.next_at IS NOT NULL
          AND NOT (e.to_tier = e.tier AND e.seq >= e.run_seq) THEN ${ms} END), 0) END AS ${t}_ms`,
  ).join(',\n      ');
  return `
UPDATE disputes SET opened_tier = s.opened_tier, tier_since = s.tier_since,
  ${TIERS.map((t) => `${t}_ms = s.${t}_ms`).join(', ')}
FROM (
  SELECT e.dispute_id,
      MIN(CASE WHEN e.seq = 1 THEN e.to_tier END) AS opened_tier,
      MIN(CASE WHEN e.seq = e.run_seq THEN e.at END) AS tier_since,
      ${perTier}
  FROM (
    SELECT e.dispute_id, e.seq, e.to_tier, e.at, d.tier,
      LEAD(e.at) OVER (PARTITION BY e.dispute_id ORDER BY e.seq) AS next_at,
      1 + MAX(CASE WHEN e.to_tier <> d.tier THEN e.seq ELSE 0 END)
        OVER (PARTITION BY e.dispute_id) AS run_seq
    FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id
  ) e
  GROUP BY e.dispute_id
) s
WHERE disputes.id = s.dispute_id`;
}
