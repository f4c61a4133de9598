import { DEFAULT_INDICATORS, type RiskIndicator } from './indicators';
import { refuse, type TriageRefusal } from './result';

/** A score at or above `yellow` suggests yellow; at or above `red` suggests red. */
export interface TriageThresholds {
  readonly yellow: number;
  readonly red: number;
}

/**
 * Indicators matched from the case's own numbers, so the opener need not tick them:
 * `amount >= amountFrom` matches `large_amount`, `partyCount >= partyCountFrom` matches
 * `many_parties`. Leave a rule out to switch it off.
 */
export interface TriageAutoMatch {
  readonly amountFrom?: number;
  readonly partyCountFrom?: number;
}

export interface TriagePolicy {
  readonly indicators: readonly RiskIndicator[];
  readonly thresholds: TriageThresholds;
  /** Absent: nothing is matched automatically. */
  readonly autoMatch?: TriageAutoMatch;
}

export const LARGE_AMOUNT_CODE = 'large_amount';
export const MANY_PARTIES_CODE = 'many_parties';

export const DEFAULT_TRIAGE_POLICY: TriagePolicy = Object.freeze({
  indicators: DEFAULT_INDICATORS,
  thresholds: Object.freeze({ yellow: 4, red: 8 }),
  autoMatch: Object.freeze({ amountFrom: 50_000, partyCountFrom: 5 }),
});

export type PolicyResult = { readonly ok: true; readonly policy: TriagePolicy } | TriageRefusal;

// Codes are stored with cases and sent by clients, so they stay plain snake_case.
const CODE_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Checks a policy before it is used; the refusal names the offending field. */
export function validatePolicy(policy: TriagePolicy): PolicyResult {
  return (
    checkIndicators(policy.indicators) ??
    checkThresholds(policy.thresholds) ??
    checkAutoMatch(policy) ?? { ok: true, policy }
  );
}

function checkIndicators(indicators: readonly RiskIndicator[]): TriageRefusal | undefined {
  if (indicators.length === 0) return refuse('indicators', 'the checklist has no indicators');
  const seen = new Set<string>();
  for (const [index, { code, label, weight }] of indicators.entries()) {
    const at = `indicators[${index}]`;
    if (!CODE_PATTERN.test(code)) {
      return refuse(`${at}.code`, `indicator code "${code}" is not snake_case`);
    }
    if (seen.has(code)) return refuse(`${at}.code`, `indicator code "${code}" is duplicated`);
    seen.add(code);
    if (label.trim() === '') return refuse(`${at}.label`, `indicator "${code}" has no label`);
    if (!Number.isFinite(weight) || weight < 0) {
      return refuse(`${at}.weight`, `indicator "${code}" needs a weight of 0 or more`);
    }
  }
  return undefined;
}

function checkThresholds({ yellow, red }: TriageThresholds): TriageRefusal | undefined {
  if (!Number.isFinite(yellow) || yellow < 0) {
    return refuse('thresholds.yellow', 'the yellow threshold must be a number of 0 or more');
  }
  if (!Number.isFinite(red)) return refuse('thresholds.red', 'the red threshold must be a number');
  if (yellow >= red) {
    return refuse('thresholds', `the yellow threshold (${yellow}) must be below red (${red})`);
  }
  return undefined;
}

function checkAutoMatch({ autoMatch, indicators }: TriagePolicy): TriageRefusal | undefined {
  const codes = new Set(indicators.map((indicator) => indicator.code));
  const { amountFrom, partyCountFrom } = autoMatch ?? {};
  if (amountFrom !== undefined) {
    if (!Number.isFinite(amountFrom) || amountFrom <= 0) {
      return refuse('autoMatch.amountFrom', 'the large-amount rule needs an amount above 0');
    }
    if (!codes.has(LARGE_AMOUNT_CODE)) {
      return refuse(
        'autoMatch.amountFrom',
        `the checklist has no "${LARGE_AMOUNT_CODE}" indicator`,
      );
    }
  }
  if (partyCountFrom !== undefined) {
    if (!Number.isInteger(partyCountFrom) || partyCountFrom < 2) {
      return refuse(
        'autoMatch.partyCountFrom',
        'the many-parties rule needs a whole number of 2 or more',
      );
    }
    if (!codes.has(MANY_PARTIES_CODE)) {
      return refuse(
        'autoMatch.partyCountFrom',
        `the checklist has no "${MANY_PARTIES_CODE}" indicator`,
      );
    }
  }
  return undefined;
}
