import { TIERS, type Tier } from '../domain';
import type { TriageThresholds } from './policy';

/** blue 0, yellow 1, red 2: a higher rank is a more serious tier. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

export function suggestTier(score: number, { yellow, red }: TriageThresholds): Tier {
  if (score >= red) return 'red';
  if (score >= yellow) return 'yellow';
  return 'blue';
}
