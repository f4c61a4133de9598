import type { DisputeEntity } from '@tricolor/persistence';
import type { Tier } from '@tricolor/workflow';

/** The columns of a case that time its stays at each tier (see the migration that added them). */
export type TierClock = Pick<
  DisputeEntity,
  'openedTier' | 'tierSince' | 'blueMs' | 'yellowMs' | 'redMs'
>;

type Accumulated = 'blueMs' | 'yellowMs' | 'redMs';

const COLUMN: Record<Tier, Accumulated> = { blue: 'blueMs', yellow: 'yellowMs', red: 'redMs' };

/** The clock of a case opened at `tier`: it has reached that tier only, as of `at`. */
export function openTierClock(tier: Tier, at: Date): TierClock {
  return {
    openedTier: tier,
    tierSince: at,
    blueMs: null,
    yellowMs: null,
    redMs: null,
    [COLUMN[tier]]: 0,
  };
}

/**
 * The clock columns that change when a case at `current.tier` moves to `tier` at `at`. Staying
 * at a tier changes nothing: its stay runs on from tierSince, which is the sum of the audit
 * trail's spans at that tier either way. Leaving one adds the stay to its total; entering one
 * marks it reached (0 the first time) and starts the new stay. Time at tier t is then
 * t total + (current tier = t ? (closed_at ?? now) - tierSince : 0), as GET /stats reads it.
 */
export function advanceTierClock(
  current: Pick<DisputeEntity, 'tier' | 'tierSince' | Accumulated>,
  tier: Tier,
  at: Date,
): Partial<TierClock> {
  if (tier === current.tier) return {};
  const left = COLUMN[current.tier];
  const entered = COLUMN[tier];
  // A case without a clock (none is left after the migration's backfill) counts from now on.
  const stay = current.tierSince ? at.getTime() - current.tierSince.getTime() : 0;
  return {
    [left]: (current[left] ?? 0) + stay,
    [entered]: current[entered] ?? 0,
    tierSince: at,
  };
}
