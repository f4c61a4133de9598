import { DisputeEntity } from '@tricolor/persistence';
import type { MediationType, Outcome, Status, Tier } from '@tricolor/workflow';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { CaseScope } from './case-filter';
import type { CaseGroup } from './stats.types';

export interface RawGroup {
  tier: Tier;
  status: Status;
  outcome: Outcome | null;
  mediation_type: MediationType | null;
  reached: number | string;
  confirmed: number | string;
  cases: number | string;
  late: number | string;
  raised: number | string;
  late_raised: number | string;
}

// Overdue as the agenda counts it: flagged, or past a deadline no timer has acted on yet.
const LATE = `CASE WHEN d.status <> 'closed' AND (d.overdue = :flagged OR d.next_deadline_at < :now) THEN 1 ELSE 0 END`;
// highest_tier alone cannot tell: a case escalated blue -> yellow and resolved at yellow has
// tier = highest_tier. Compare with the tier it was opened at (its first record's, kept on the
// case so that no audit record is read).
const RAISED = `CASE WHEN d.outcome = 'resolved' AND d.highest_tier <> d.opened_tier THEN 1 ELSE 0 END`;

/**
 * One pass over the selected cases, grouped by the few columns every count is made of (a few
 * dozen groups at most): the per-tier, per-status, per-outcome, settlement and overdue figures
 * are all sums over these groups.
 *
 * Grouped by tier, status and outcome only, with late and raised summed in each group rather
 * than grouped by: the same groups once split below, but three hash keys instead of five, and an
 * estimate of a few hundred groups instead of ~300,000 (PostgreSQL cannot guess how many values
 * two CASE expressions take), which lets PostgreSQL aggregate in parallel workers.
 */
export async function readCaseGroups(
  m: EntityManager,
  scope: CaseScope,
  now: Date,
): Promise<CaseGroup[]> {
  const rows = await groupedCases(
    scope(m.createQueryBuilder(DisputeEntity, 'd')),
    now,
  ).getRawMany<RawGroup>();
  return toCaseGroups(rows);
}

/**
 * The grouped count's columns, in this order: tier, status, outcome, mediation_type, cases,
 * reached, confirmed, late, raised, late_raised (the roll-up's rows are added in the same shape).
 */
export function groupedCases<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  now: Date,
): SelectQueryBuilder<T> {
  return (
    qb
      .select('d.tier', 'tier')
      .addSelect('d.status', 'status')
      .addSelect('d.outcome', 'outcome')
      .addSelect('d.mediation_type', 'mediation_type')
      .addSelect('COUNT(*)', 'cases')
      // 调解成功 and 司法确认 are counted apart from the outcome (issue 16, point 9).
      .addSelect(`SUM(CASE WHEN d.agreement_reached = :flagged THEN 1 ELSE 0 END)`, 'reached')
      .addSelect(`SUM(CASE WHEN d.judicially_confirmed = :flagged THEN 1 ELSE 0 END)`, 'confirmed')
      .addSelect(`SUM(${LATE})`, 'late')
      .addSelect(`SUM(${RAISED})`, 'raised')
      .addSelect(`SUM(${LATE} * ${RAISED})`, 'late_raised')
      .setParameters({ flagged: true, now })
      .groupBy('d.tier')
      .addGroupBy('d.status')
      .addGroupBy('d.outcome')
      .addGroupBy('d.mediation_type')
  );
}

/** Grouped-count rows split by late and raised into CaseGroups. */
export function toCaseGroups(rows: readonly RawGroup[]): CaseGroup[] {
  // pg returns counts as numbers (parseInt8) and better-sqlite3 too; Number() covers either.
  return rows.flatMap((r) => {
    const cases = Number(r.cases);
    const late = Number(r.late);
    const raised = Number(r.raised);
    const both = Number(r.late_raised);
    const split: [boolean, boolean, number][] = [
      [true, true, both],
      [true, false, late - both],
      [false, true, raised - both],
      [false, false, cases - late - raised + both],
    ];
    // The agreement counts are the whole group's: carried by its first row alone.
    return split
      .filter(([, , n]) => n > 0)
      .map(([isLate, isRaised, n], i) => ({
        tier: r.tier,
        status: r.status,
        outcome: r.outcome,
        mediationType: r.mediation_type ?? 'people',
        late: isLate,
        raised: isRaised,
        cases: n,
        agreementsReached: i === 0 ? Number(r.reached) : 0,
        confirmed: i === 0 ? Number(r.confirmed) : 0,
      }));
  });
}
