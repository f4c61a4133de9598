import { MEDIATION_TYPES, OUTCOMES, STATUSES, TIERS, type Tier } from '@tricolor/workflow';
import type {
  CaseGroup,
  Settlement,
  Stats,
  TierCounts,
  TierTime,
  TierTimeRow,
} from './stats.types';

/** Everything in Stats that the grouped count yields. */
export type CaseCounts = Pick<
  Stats,
  | 'total'
  | 'open'
  | 'closed'
  | 'overdue'
  | 'byTier'
  | 'byStatus'
  | 'byOutcome'
  | 'settled'
  | 'agreements'
  | 'byMediationType'
>;

// Every key present, so a client never has to tell a zero from a missing entry.
function recordOf<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, make(k)])) as Record<K, V>;
}

const emptyTierCounts = (): TierCounts => ({
  total: 0,
  open: 0,
  closed: 0,
  overdue: 0,
  outcomes: recordOf(OUTCOMES, () => 0),
});

/** count / of, or null when there is nothing to divide by. */
export const share = (count: number, of: number): number | null => (of === 0 ? null : count / of);

const settlement = (count: number, of: number): Settlement => ({ count, share: share(count, of) });

/** Folds the grouped count (a few dozen rows at most) into the figures of §1 and §6. */
export function summariseGroups(groups: readonly CaseGroup[]): CaseCounts {
  const byTier = recordOf(TIERS, () => emptyTierCounts());
  const byStatus = recordOf(STATUSES, () => 0);
  const byOutcome = recordOf(OUTCOMES, () => 0);
  const resolvedAt = recordOf(TIERS, () => 0);
  let resolvedWithoutEscalation = 0;
  const byMediationType = recordOf(MEDIATION_TYPES, () => ({
    total: 0,
    open: 0,
    closed: 0,
    agreementsReached: 0,
    outcomes: recordOf(OUTCOMES, () => 0),
  }));
  const agreements = { reached: 0, confirmed: 0 };

  for (const g of groups) {
    const type = byMediationType[g.mediationType ?? 'people'];
    type.total += g.cases;
    if (g.status === 'closed') type.closed += g.cases;
    else type.open += g.cases;
    if (g.outcome !== null) type.outcomes[g.outcome] += g.cases;
    type.agreementsReached += g.agreementsReached ?? 0;
    agreements.reached += g.agreementsReached ?? 0;
    agreements.confirmed += g.confirmed ?? 0;
    const tier = byTier[g.tier];
    tier.total += g.cases;
    byStatus[g.status] += g.cases;
    if (g.status === 'closed') tier.closed += g.cases;
    else tier.open += g.cases;
    if (g.late) tier.overdue += g.cases;
    if (g.outcome !== null) {
      byOutcome[g.outcome] += g.cases;
      tier.outcomes[g.outcome] += g.cases;
    }
    if (g.outcome === 'resolved') {
      resolvedAt[g.tier] += g.cases;
      if (!g.raised) resolvedWithoutEscalation += g.cases;
    }
  }

  const sum = (pick: (t: TierCounts) => number) => TIERS.reduce((n, t) => n + pick(byTier[t]), 0);
  const resolved = byOutcome.resolved;
  return {
    total: sum((t) => t.total),
    open: sum((t) => t.open),
    closed: sum((t) => t.closed),
    overdue: sum((t) => t.overdue),
    byTier,
    byStatus,
    byOutcome,
    settled: {
      resolved,
      atTier: recordOf(TIERS, (t) => settlement(resolvedAt[t], resolved)),
      withoutEscalation: settlement(resolvedWithoutEscalation, resolved),
    },
    agreements: { ...agreements, performed: resolved },
    byMediationType,
  };
}

/** The time-per-tier rows keyed by tier, with an empty entry for a tier no case reached. */
export function timePerTier(rows: readonly TierTimeRow[]): Record<Tier, TierTime> {
  const result = recordOf(TIERS, (): TierTime => ({
    cases: 0,
    averageHours: null,
    medianHours: null,
  }));
  for (const r of rows) {
    result[r.tier] = { cases: r.cases, averageHours: r.averageHours, medianHours: r.medianHours };
  }
  return result;
}
