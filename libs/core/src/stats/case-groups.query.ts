import { DisputeEntity } from '@tricolor/persistence';
import type { Outcome, Status, Tier } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import type { CaseScope } from './case-filter';
import type { CaseGroup } from './stats.types';

interface RawGroup {
  tier: Tier;
  status: Status;
  outcome: Outcome | null;
  late: number | string;
  raised: number | string;
  cases: number | string;
}

/**
 * One pass over the selected cases, grouped by the few columns every count is made of (a few
 * dozen groups at most): the per-tier, per-status, per-outcome, settlement and overdue figures
 * are all sums over these groups.
 */
export async function readCaseGroups(
  m: EntityManager,
  scope: CaseScope,
  now: Date,
): Promise<CaseGroup[]> {
  const rows = await scope(m.createQueryBuilder(DisputeEntity, 'd'))
    .select('d.tier', 'tier')
    .addSelect('d.status', 'status')
    .addSelect('d.outcome', 'outcome')
    // Overdue as the agenda counts it: flagged, or past a deadline no timer has acted on yet.
    .addSelect(
      `CASE WHEN d.status <> 'closed' AND (d.overdue = :flagged OR d.next_deadline_at < :now) THEN 1 ELSE 0 END`,
      'late',
    )
    // highest_tier alone cannot tell: a case escalated blue -> yellow and resolved at yellow has
    // tier = highest_tier. Compare with the tier it was opened at (its first record's, kept on
    // the case so that no audit record is read).
    .addSelect(
      `CASE WHEN d.outcome = 'resolved' AND d.highest_tier <> d.opened_tier THEN 1 ELSE 0 END`,
      'raised',
    )
    .addSelect('COUNT(*)', 'cases')
    .setParameters({ flagged: true, now })
    .groupBy('d.tier')
    .addGroupBy('d.status')
    .addGroupBy('d.outcome')
    .addGroupBy('late')
    .addGroupBy('raised')
    .getRawMany<RawGroup>();
  // pg returns counts as numbers (parseInt8) and better-sqlite3 too; Number() covers either.
  return rows.map((r) => ({
    tier: r.tier,
    status: r.status,
    outcome: r.outcome,
    late: Number(r.late) === 1,
    raised: Number(r.raised) === 1,
    cases: Number(r.cases),
  }));
}
