import { TIERS } from '@tricolor/workflow';
import { bucketSql } from './duration-histogram';

type Driver = 'sqlite' | 'postgres';

/**
 * SQL of the roll-up of closed cases (migration 1768400000000 made the tables and triggers; it
 * keeps a frozen copy of this, as migrations do).
 *
 * - `stats_closed_changes`: what a write did to the set of closed cases, one row per closed case
 *   that appeared (+1) or went (-1: never, unless a closed case is edited or deleted by hand),
 *   written by triggers on `disputes` in the writer's own transaction. The timer worker folds
 *   them into the two tables below (StatsRollupFold), so the set stays small.
 * - `stats_rollup`: closed cases counted per unit (the district, each street), month of opening
 *   (UTC), tier, outcome, mediation type and whether a resolved case had gone up a tier.
 * - `stats_rollup_times`: per unit, month and tier, the time spent at the tier as a histogram of
 *   1 % log buckets (duration-histogram.ts) with each bucket's count, sum, min and max.
 */
export const ROLLUP_UNITS = ['district', 'street'] as const;
export type RollupUnitKind = (typeof ROLLUP_UNITS)[number];

/** Milliseconds spent at `tier` by the closed case `row` (the columns of `disputes`). */
export function closedTierMs(driver: Driver, row: string, tier: string): string {
  const stay =
    driver === 'postgres'
      ? `1000 * (date_part('epoch', ${row}.closed_at) - date_part('epoch', ${row}.tier_since))`
      : `(julianday(${row}.closed_at) - julianday(${row}.tier_since)) * 86400000`;
  // The same arithmetic as the live query (tier-times.query.ts), so the values are the same.
  return `${row}.${tier}_ms + CASE WHEN ${row}.tier = '${tier}' THEN ${stay} ELSE 0 END`;
}

/** The columns of a stats_closed_changes row, in order, for the closed case `row`. */
export const CHANGE_COLUMNS = [
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

/** The values of that row (one expression per column): `cases` is +1 or -1. */
export function changeValues(driver: Driver, row: string, cases: 1 | -1): string[] {
  const pg = driver === 'postgres';
  const flag = (condition: string) =>
    pg ? `COALESCE(${condition}, false)` : `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
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
    ...TIERS.map((t) => closedTierMs(driver, row, t)),
  ];
}

/** The changes `source` (a relation with the change columns) repeated for each roll-up unit. */
const levels = (source: string) =>
  `SELECT 'district' AS unit_kind, '' AS unit_code, g.* FROM ${source} g
   UNION ALL SELECT 'street' AS unit_kind, g.street_code AS unit_code, g.* FROM ${source} g`;

/** The three tiers as rows, to turn a case's three tier columns into three rows. */
export const TIER_ROWS = TIERS.map((t) => `SELECT '${t}' AS tier`).join(' UNION ALL ');

/** One value per (change, tier the case reached), with its bucket. */
const perTier = (levelled: string) => `
  SELECT x.unit_kind, x.unit_code, x.month, x.tier, x.cases, x.ms, ${bucketSql('x.ms')} AS bucket
  FROM (
    SELECT l.unit_kind, l.unit_code, l.month, t.tier, l.cases,
      CASE t.tier ${TIERS.map((tier) => `WHEN '${tier}' THEN l.${tier}_ms`).join(' ')} END AS ms
    FROM (${levelled}) l CROSS JOIN (${TIER_ROWS}) t
  ) x WHERE x.ms IS NOT NULL`;

const COUNT_KEYS = 'unit_kind, unit_code, month, tier, outcome, mediation_type, raised';
const TIME_KEYS = 'unit_kind, unit_code, month, tier, bucket';

/** INSERT … ON CONFLICT of the counts of `source`'s changes (one row per key, sorted). */
function foldCounts(driver: Driver, source: string): string {
  const pg = driver === 'postgres';
  const when = (column: string) =>
    `SUM(CASE WHEN l.${column} = ${pg ? 'true' : '1'} THEN l.cases ELSE 0 END)`;
  const old = (column: string) => (pg ? `stats_rollup.${column}` : column);
  return `INSERT INTO stats_rollup (${COUNT_KEYS}, cases, reached, confirmed)
    SELECT l.unit_kind, l.unit_code, l.month, l.tier, COALESCE(l.outcome, ''), l.mediation_type,
      l.raised, SUM(l.cases), ${when('reached')}, ${when('confirmed')}
    FROM (${levels(source)}) l WHERE true
    GROUP BY l.unit_kind, l.unit_code, l.month, l.tier, COALESCE(l.outcome, ''), l.mediation_type, l.raised
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (${COUNT_KEYS}) DO UPDATE SET cases = ${old('cases')} + excluded.cases,
      reached = ${old('reached')} + excluded.reached, confirmed = ${old('confirmed')} + excluded.confirmed`;
}

/** The same for the time histograms. */
function foldTimes(driver: Driver, source: string): string {
  const pg = driver === 'postgres';
  const old = (column: string) => (pg ? `stats_rollup_times.${column}` : column);
  return `INSERT INTO stats_rollup_times (${TIME_KEYS}, cases, sum_ms, min_ms, max_ms, exact)
    SELECT v.unit_kind, v.unit_code, v.month, v.tier, v.bucket, SUM(v.cases), SUM(v.cases * v.ms),
      MIN(v.ms), MAX(v.ms), ${pg ? 'bool_and(v.cases > 0)' : 'MIN(v.cases > 0)'}
    FROM (${perTier(levels(source))}) v WHERE true
    GROUP BY v.unit_kind, v.unit_code, v.month, v.tier, v.bucket
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (${TIME_KEYS}) DO UPDATE SET cases = ${old('cases')} + excluded.cases,
      sum_ms = ${old('sum_ms')} + excluded.sum_ms,
      min_ms = ${pg ? 'LEAST' : 'min'}(${old('min_ms')}, excluded.min_ms),
      max_ms = ${pg ? 'GREATEST' : 'max'}(${old('max_ms')}, excluded.max_ms),
      exact = ${old('exact')} AND excluded.exact`;
}

/**
 * PostgreSQL: one statement that takes up to $1 changes out of stats_closed_changes and adds
 * them to the roll-up; it answers how many it took. Changes written by transactions still open
 * are not visible to it and wait for the next fold; a concurrent fold takes other rows.
 */
export const FOLD_SQL_POSTGRES = `
  WITH gone AS (
    DELETE FROM stats_closed_changes
    WHERE id IN (SELECT id FROM stats_closed_changes LIMIT $1)
    RETURNING *
  ),
  counts AS (${foldCounts('postgres', 'gone')} RETURNING 1),
  times AS (${foldTimes('postgres', 'gone')} RETURNING 1)
  SELECT count(*)::int AS folded FROM gone`;

/** SQLite (one writer): the statements of one fold of every change, in one transaction. */
export const FOLD_SQL_SQLITE = [
  foldCounts('sqlite', 'stats_closed_changes'),
  foldTimes('sqlite', 'stats_closed_changes'),
  'DELETE FROM stats_closed_changes',
];

/**
 * The roll-up made again from every closed case of `disputes`, in one transaction: what the
 * migration's back-fill did, for a database loaded without triggers (the bench's seed) or a
 * roll-up that is in doubt.
 */
export function rebuildRollupSql(driver: Driver): string[] {
  const values = changeValues(driver, 'd', 1);
  const source = `(SELECT ${CHANGE_COLUMNS.map((col, i) => `${values[i]} AS ${col}`).join(', ')}
    FROM disputes d WHERE d.status = 'closed')`;
  return [
    'DELETE FROM stats_closed_changes',
    'DELETE FROM stats_rollup',
    'DELETE FROM stats_rollup_times',
    foldCounts(driver, source),
    foldTimes(driver, source),
  ];
}
