import { DisputeEntity, DisputeEventEntity, driverOf } from '@tricolor/persistence';
import type { Tier } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import type { CaseScope } from './case-filter';
import type { TierTimeRow } from './stats.types';

interface RawTierTime {
  tier: Tier;
  cases: number | string;
  average_hours: number | string | null;
  median_hours: number | string | null;
}

// Hours between two timestamps. SQLite keeps them as UTC text that julianday() reads (to well
// under a millisecond); PostgreSQL subtracts timestamptz into an interval.
function hoursBetween(driver: 'sqlite' | 'postgres', later: string, earlier: string): string {
  return driver === 'postgres'
    ? `EXTRACT(EPOCH FROM ((${later}) - (${earlier}))) / 3600`
    : `(julianday(${later}) - julianday(${earlier})) * 24`;
}

const toNumber = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

/**
 * Time spent per tier, from the audit trail of the selected cases, all in SQL:
 * 1. each record starts a span at its to_tier that lasts until the next record, or until the
 *    case closed, or until now (LEAD over the case's records, in seq order);
 * 2. per case and tier the spans are summed (a case may return to a tier), and ranked per tier;
 * 3. per tier: how many cases reached it, the mean, and the median (the middle one or two ranks,
 *    which works on both drivers; SQLite has no percentile_cont).
 */
export async function readTierTimes(
  m: EntityManager,
  scope: CaseScope,
  now: Date,
): Promise<TierTimeRow[]> {
  const driver = driverOf(m.connection);
  const nowParam = driver === 'postgres' ? 'CAST(:now AS timestamptz)' : ':now';
  const spanEnd = `COALESCE(LEAD(e.at) OVER (PARTITION BY e.dispute_id ORDER BY e.seq), d.closed_at, ${nowParam})`;

  const rows = await m
    .createQueryBuilder()
    .select('c.tier', 'tier')
    .addSelect('COUNT(*)', 'cases')
    .addSelect('AVG(c.hours)', 'average_hours')
    .addSelect(
      'AVG(CASE WHEN c.rn IN ((c.n + 1) / 2, (c.n + 2) / 2) THEN c.hours END)',
      'median_hours',
    )
    .from(
      (perCase) =>
        perCase
          .select('s.tier', 'tier')
          .addSelect('SUM(s.hours)', 'hours')
          .addSelect('ROW_NUMBER() OVER (PARTITION BY s.tier ORDER BY SUM(s.hours))', 'rn')
          .addSelect('COUNT(*) OVER (PARTITION BY s.tier)', 'n')
          .from(
            (spans) =>
              scope(
                spans
                  .select('e.dispute_id', 'dispute_id')
                  .addSelect('e.to_tier', 'tier')
                  .addSelect(hoursBetween(driver, spanEnd, 'e.at'), 'hours')
                  .from(DisputeEventEntity, 'e')
                  .innerJoin(DisputeEntity, 'd', 'd.id = e.dispute_id'),
              ).setParameter('now', now),
            's',
          )
          .groupBy('s.dispute_id')
          .addGroupBy('s.tier'),
      'c',
    )
    .groupBy('c.tier')
    .getRawMany<RawTierTime>();
  return rows.map((r) => ({
    tier: r.tier,
    cases: Number(r.cases),
    averageHours: toNumber(r.average_hours),
    medianHours: toNumber(r.median_hours),
  }));
}
