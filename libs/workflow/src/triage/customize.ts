import type { RiskIndicator } from './indicators';
import {
  DEFAULT_TRIAGE_POLICY,
  validatePolicy,
  type PolicyResult,
  type TriageAutoMatch,
  type TriagePolicy,
  type TriageThresholds,
} from './policy';
import { refuse } from './result';

/** What a deployment may tune without writing a whole checklist. */
export interface TriagePolicyOverrides {
  /** New weights by indicator code; codes not named keep their weight. */
  readonly weights?: Readonly<Record<string, number>>;
  readonly thresholds?: Partial<TriageThresholds>;
  /** Replaces the auto-match rules; a rule set to `undefined` is switched off. */
  readonly autoMatch?: TriageAutoMatch;
}

/** A copy of `base` with the overrides applied, validated; an unknown code is refused. */
export function customizePolicy(
  overrides: TriagePolicyOverrides,
  base: TriagePolicy = DEFAULT_TRIAGE_POLICY,
): PolicyResult {
  const weights = overrides.weights ?? {};
  const known = new Set(base.indicators.map((indicator) => indicator.code));
  const unknown = Object.keys(weights).find((code) => !known.has(code));
  if (unknown !== undefined) {
    return refuse(`weights.${unknown}`, `unknown risk indicator "${unknown}"`);
  }
  const indicators = base.indicators.map((indicator): RiskIndicator =>
    Object.hasOwn(weights, indicator.code)
      ? { ...indicator, weight: weights[indicator.code] }
      : indicator,
  );
  return validatePolicy({
    indicators,
    thresholds: {
      yellow: overrides.thresholds?.yellow ?? base.thresholds.yellow,
      red: overrides.thresholds?.red ?? base.thresholds.red,
    },
    autoMatch: overrides.autoMatch ?? base.autoMatch,
  });
}
