import { DisputeEntity, driverOf } from '@tricolor/persistence';
import { TIERS, type Tier } from '@tricolor/workflow';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CaseScope } from './case-filter';
import { groupedCases, toCaseGroups, type RawGroup } from './case-groups.query';
import { bucketSql, summariseBuckets, type Bucket } from './duration-histogram';
import type { RollupSlice } from './rollup-scope';
import { TIER_ROWS } from './rollup-sql';
import type { CaseGroup, TierTimeRow } from './stats.types';
import { currentStayMs } from './tier-times.query';

const HOUR_MS = 3_600_000;

/**
 * GET /stats from the roll-up: the closed cases of the slice's whole months from
 * `stats_rollup(_times)` and the changes not yet folded into it (`stats_closed_changes`), every
 * other case (the open ones, and closed ones opened in the parts of months at the ends of the
 * period) live from `disputes`, all in one statement, so one snapshot: a case closing meanwhile
 * is counted once, open or closed.
 */
export async function readRolledCaseGroups(
  m: EntityManager,
  scope: CaseScope,
  slice: RollupSlice,
  now: Date,
): Promise<CaseGroup[]> {
  const [liveSql, params] = unionOf(
    liveParts(slice).map((part) =>
      groupedCases(part(scope(m.createQueryBuilder(DisputeEntity, 'd'))), now),
    ),
  );
  const p = placeholders(m, params);
  const changes = `SELECT c.tier, 'closed', c.outcome, c.mediation_type, SUM(c.cases),
      SUM(CASE WHEN c.reached THEN c.cases ELSE 0 END), SUM(CASE WHEN c.confirmed THEN c.cases ELSE 0 END),
      0, SUM(CASE WHEN c.raised THEN c.cases ELSE 0 END), 0
    FROM stats_closed_changes c WHERE ${changesOf(slice, p)}
    GROUP BY c.tier, c.outcome, c.mediation_type`;
  const rolled = `SELECT r.tier, 'closed', NULLIF(r.outcome, ''), r.mediation_type, SUM(r.cases),
      SUM(r.reached), SUM(r.confirmed), 0, SUM(CASE WHEN r.raised THEN r.cases ELSE 0 END), 0
    FROM stats_rollup r WHERE ${rollupOf(slice, p)}
    GROUP BY r.tier, r.outcome, r.mediation_type`;
  const rows = await m.query<RawGroup[]>(
    `SELECT x.tier AS tier, x.status AS status, x.outcome AS outcome,
       x.mediation_type AS mediation_type, SUM(x.cases) AS cases, SUM(x.reached) AS reached,
       SUM(x.confirmed) AS confirmed, SUM(x.late) AS late, SUM(x.raised) AS raised,
       SUM(x.late_raised) AS late_raised
     FROM (${liveSql} UNION ALL ${changes} UNION ALL ${rolled}) x
     GROUP BY x.tier, x.status, x.outcome, x.mediation_type`,
    p.values,
  );
  return toCaseGroups(rows.filter((r) => Number(r.cases) !== 0));
}

/**
 * Time per tier: one histogram per tier (duration-histogram.ts) over the same three parts, the
 * live one built in the query (no sort), then count, mean and median read from it.
 */
export async function readRolledTierTimes(
  m: EntityManager,
  scope: CaseScope,
  slice: RollupSlice,
  now: Date,
): Promise<TierTimeRow[]> {
  const driver = driverOf(m.connection);
  const stay = currentStayMs(driver);
  // Per case its tier, its totals and its current stay (computed once), then one row per tier.
  const [perCaseSql, params] = unionOf(
    liveParts(slice).map((part) =>
      part(
        scope(
          m
            .createQueryBuilder()
            .from(DisputeEntity, 'd')
            .select('d.tier', 'tier')
            .addSelect(TIERS.map((t) => `d.${t}_ms AS ${t}_ms`).join(', '))
            .addSelect(stay, 'stay'),
        ),
      ).setParameter('now', now),
    ),
  );
  const p = placeholders(m, params);
  const { cte, live } = liveHistogram(driver, perCaseSql);
  const changes = `SELECT v.tier, v.bucket, SUM(v.cases), SUM(v.cases * v.ms), MIN(v.ms), MAX(v.ms),
      MIN(CASE WHEN v.cases > 0 THEN 1 ELSE 0 END)
    FROM (${perTier(`(SELECT * FROM stats_closed_changes c WHERE ${changesOf(slice, p)})`)}) v
    GROUP BY v.tier, v.bucket`;
  const rolled = `SELECT r.tier, r.bucket, SUM(r.cases), SUM(r.sum_ms), MIN(r.min_ms), MAX(r.max_ms),
      MIN(CASE WHEN r.exact THEN 1 ELSE 0 END)
    FROM stats_rollup_times r WHERE ${rollupOf(slice, p)} GROUP BY r.tier, r.bucket`;
  const rows = await m.query<
    {
      tier: Tier;
      bucket: number | string;
      cases: number | string;
      sum_ms: number | string;
      min_ms: number | string;
      max_ms: number | string;
      exact: number | string;
    }[]
  >(
    `${cte}SELECT x.tier AS tier, x.bucket AS bucket, SUM(x.cases) AS cases, SUM(x.sum_ms) AS sum_ms,
       MIN(x.min_ms) AS min_ms, MAX(x.max_ms) AS max_ms, MIN(x.exact) AS exact
     FROM (${live} UNION ALL ${changes} UNION ALL ${rolled}) x
     GROUP BY x.tier, x.bucket`,
    p.values,
  );
  const byTier = new Map<Tier, Bucket[]>();
  for (const r of rows) {
    const list = byTier.get(r.tier) ?? [];
    list.push({
      bucket: Number(r.bucket),
      cases: Number(r.cases),
      sumMs: Number(r.sum_ms),
      minMs: Number(r.min_ms),
      maxMs: Number(r.max_ms),
      exact: Number(r.exact) === 1,
    });
    byTier.set(r.tier, list);
  }
  return TIERS.flatMap((tier) => {
    const { cases, sumMs, medianMs } = summariseBuckets(byTier.get(tier) ?? []);
    if (cases === 0) return [];
    return [
      {
        tier,
        cases,
        averageHours: sumMs / cases / HOUR_MS,
        medianHours: medianMs === null ? null : medianMs / HOUR_MS,
      },
    ];
  });
}

type Part = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>;

/**
 * The cases read live, as parts of a UNION ALL: the open ones (on PostgreSQL from the partial
 * index ix_disputes_stats_open: its predicate is spelled out, not a parameter, for the planner
 * to match), and the closed ones opened in the parts of months outside the slice's whole months.
 */
function liveParts(slice: RollupSlice): Part[] {
  const open: Part = (qb) => qb.andWhere(`d.status <> 'closed'`);
  const outside = [
    ...(slice.from ? ['d.created_at < :rolledFrom'] : []),
    ...(slice.to ? ['d.created_at >= :rolledTo'] : []),
  ];
  if (outside.length === 0) return [open];
  const closedOutside: Part = (qb) =>
    qb.andWhere(`d.status = 'closed' AND (${outside.join(' OR ')})`, {
      ...(slice.from ? { rolledFrom: slice.from } : {}),
      ...(slice.to ? { rolledTo: slice.to } : {}),
    });
  return [open, closedOutside];
}

/** The parts' SQL joined by UNION ALL, their parameters in order (each part numbers its own). */
function unionOf<T extends ObjectLiteral>(parts: SelectQueryBuilder<T>[]): [string, unknown[]] {
  const values: unknown[] = [];
  const sql = parts.map((qb) => {
    const [text, own] = qb.getQueryAndParameters() as [string, unknown[]];
    const offset = values.length;
    values.push(...own);
    return offset === 0
      ? text
      : text.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`);
  });
  return [sql.join(' UNION ALL '), values];
}

/**
 * The live cases' histogram rows (tier, bucket, cases, sum_ms, min_ms, max_ms, exact), the first
 * part of the UNION (it names the columns). A case's time at a tier is its total plus, at its own
 * tier only, its current stay, so the stay's expression is evaluated once per case.
 *
 * PostgreSQL: one pass over the cases, grouped by the three tiers' buckets as GROUPING SETS
 * (half the time of a row per tier reached, measured at 100,000 cases), the grouped rows (a few
 * thousand) turned into one per tier and bucket. SQLite has no GROUPING SETS: a row per tier.
 */
function liveHistogram(
  driver: 'sqlite' | 'postgres',
  perCaseSql: string,
): { cte: string; live: string } {
  const at = (tier: string, c: string) =>
    `${c}.${tier}_ms + CASE WHEN ${c}.tier = '${tier}' THEN ${c}.stay ELSE 0 END`;
  if (driver === 'postgres') {
    const [b, y, r] = TIERS;
    const values = TIERS.map((t) => `${at(t, 'c')} AS v_${t}`).join(', ');
    const buckets = TIERS.map((t) => `${bucketSql(`x.v_${t}`)} AS k_${t}`).join(', ');
    const sums = TIERS.map(
      (t) =>
        `count(z.v_${t}) AS n_${t}, sum(z.v_${t}) AS s_${t}, min(z.v_${t}) AS l_${t}, max(z.v_${t}) AS h_${t}, GROUPING(z.k_${t}) AS g_${t}`,
    ).join(', ');
    const cte = `WITH live AS (
      SELECT ${TIERS.map((t) => `z.k_${t}`).join(', ')}, ${sums}
      FROM (SELECT x.*, ${buckets} FROM (SELECT ${values} FROM (${perCaseSql}) c OFFSET 0) x) z
      GROUP BY GROUPING SETS ((z.k_${b}), (z.k_${y}), (z.k_${r}))
    ) `;
    const live = TIERS.map(
      (t, i) =>
        `SELECT '${t}'${i === 0 ? ' AS tier' : ''}, k_${t}${i === 0 ? ' AS bucket' : ''},
          n_${t}${i === 0 ? ' AS cases' : ''}, s_${t}${i === 0 ? ' AS sum_ms' : ''},
          l_${t}${i === 0 ? ' AS min_ms' : ''}, h_${t}${i === 0 ? ' AS max_ms' : ''}, 1${i === 0 ? ' AS exact' : ''}
        FROM live WHERE g_${t} = 0 AND k_${t} IS NOT NULL`,
    ).join(' UNION ALL ');
    return { cte, live };
  }
  const live = `SELECT v.tier AS tier, v.bucket AS bucket, COUNT(*) AS cases, SUM(v.ms) AS sum_ms,
      MIN(v.ms) AS min_ms, MAX(v.ms) AS max_ms, 1 AS exact
    FROM (
      SELECT y.tier, y.ms, ${bucketSql('y.ms')} AS bucket FROM (
        SELECT t.tier, CASE t.tier ${TIERS.map((tier) => `WHEN '${tier}' THEN ${at(tier, 'c')}`).join(' ')} END AS ms
        FROM (${perCaseSql}) c CROSS JOIN (${TIER_ROWS}) t
      ) y WHERE y.ms IS NOT NULL
    ) v GROUP BY v.tier, v.bucket`;
  return { cte: '', live };
}

/** One row per (change, tier the case reached), with its sign (cases) and bucket. */
function perTier(source: string): string {
  return `SELECT y.*, ${bucketSql('y.ms')} AS bucket FROM (
    SELECT t.tier, s.cases,
      CASE t.tier ${TIERS.map((tier) => `WHEN '${tier}' THEN s.${tier}_ms`).join(' ')} END AS ms
    FROM ${source} s CROSS JOIN (${TIER_ROWS}) t
  ) y WHERE y.ms IS NOT NULL`;
}

interface Placeholders {
  values: unknown[];
  /** A placeholder for one more value, in the order the SQL text uses them. */
  add(value: unknown): string;
}

function placeholders(m: EntityManager, values: unknown[]): Placeholders {
  const pg = driverOf(m.connection) === 'postgres';
  const all = [...values];
  return {
    values: all,
    add: (value) => {
      all.push(value);
      return pg ? `$${all.length}` : '?';
    },
  };
}

const monthsOf = (alias: string, slice: RollupSlice, p: Placeholders) => [
  ...(slice.fromMonth ? [`${alias}.month >= ${p.add(slice.fromMonth)}`] : []),
  ...(slice.toMonth ? [`${alias}.month < ${p.add(slice.toMonth)}`] : []),
];

function changesOf(slice: RollupSlice, p: Placeholders): string {
  const street = slice.kind === 'street' ? [`c.street_code = ${p.add(slice.code)}`] : [];
  return ['1 = 1', ...street, ...monthsOf('c', slice, p)].join(' AND ');
}

function rollupOf(slice: RollupSlice, p: Placeholders): string {
  const unit = `r.unit_kind = ${p.add(slice.kind)} AND r.unit_code = ${p.add(slice.code)}`;
  return [unit, ...monthsOf('r', slice, p)].join(' AND ');
}
