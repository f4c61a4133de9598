import type { Tier } from '../domain';
import { explain } from './explain';
import type { RiskIndicator } from './indicators';
import {
  DEFAULT_TRIAGE_POLICY,
  LARGE_AMOUNT_CODE,
  MANY_PARTIES_CODE,
  validatePolicy,
  type TriagePolicy,
  type TriageThresholds,
} from './policy';
import { refuse, type TriageRefusal } from './result';
import { isTier, suggestTier, tierRank } from './tiers';

/** What the opener filled in; `null` is accepted for absent fields (JSON bodies send it). */
export interface RiskInput {
  /** Ticked indicator codes; repeats are ignored. */
  readonly indicators: readonly string[];
  readonly requestedTier?: Tier | null;
  /** Required, non-blank, when `requestedTier` is below the suggestion. */
  readonly tierReason?: string | null;
  /** Amount at stake, in yuan; may match `large_amount` (see TriageAutoMatch). */
  readonly amount?: number | null;
  /** Number of parties; may match `many_parties` (see TriageAutoMatch). */
  readonly partyCount?: number | null;
}

/** How an indicator came to be matched: ticked, or derived from the amount or party count. */
export type MatchSource = 'checklist' | 'amount' | 'partyCount';

export interface MatchedIndicator {
  readonly code: string;
  readonly label: string;
  readonly weight: number;
  readonly matchedBy: MatchSource;
}

/** The record kept with the case: the suggestion, the choice and why. Plain JSON. */
export interface RiskAssessment {
  readonly score: number;
  readonly suggestedTier: Tier;
  readonly chosenTier: Tier;
  /** In checklist order. */
  readonly matched: readonly MatchedIndicator[];
  /** How many indicators the checklist has. */
  readonly total: number;
  readonly thresholds: TriageThresholds;
  readonly explanation: string;
  readonly tierReason?: string;
  /** The chosen tier is below the suggested one (a tierReason was then required). */
  readonly downgraded: boolean;
  /** Decisive indicators that set the suggestion whatever the score (一票定级). */
  readonly decidedBy?: readonly string[];
}

export type AssessmentResult =
  { readonly ok: true; readonly assessment: RiskAssessment } | TriageRefusal;

/**
 * Scores the checklist and records the tier chosen. Expected failures (an unknown code, a
 * downgrade without a reason, a malformed number) come back as a refusal naming the field;
 * an invalid policy is a configuration bug and throws.
 */
export function assessRisk(
  input: RiskInput,
  policy: TriagePolicy = DEFAULT_TRIAGE_POLICY,
): AssessmentResult {
  const checked = validatePolicy(policy);
  if (!checked.ok) throw new Error(`invalid triage policy: ${checked.field}: ${checked.message}`);

  const inputError = checkInput(input, policy);
  if (inputError) return inputError;

  const matched = matchIndicators(input, policy);
  const score = roundScore(matched.reduce((sum, indicator) => sum + indicator.weight, 0));
  // 一票定级: a decisive indicator sets the floor of the suggestion whatever the score.
  const decisive = policy.indicators.filter(
    (indicator) =>
      indicator.decisive !== undefined && matched.some((m) => m.code === indicator.code),
  );
  const suggestedTier = decisive.reduce<Tier>(
    (tier, indicator) =>
      indicator.decisive && tierRank(indicator.decisive) > tierRank(tier)
        ? indicator.decisive
        : tier,
    suggestTier(score, policy.thresholds),
  );
  const chosenTier = input.requestedTier ?? suggestedTier;
  const tierReason = input.tierReason?.trim() || undefined;
  const downgraded = tierRank(chosenTier) < tierRank(suggestedTier);
  if (downgraded && tierReason === undefined) {
    return refuse(
      'tierReason',
      `choosing ${chosenTier} below the suggested ${suggestedTier} needs a tierReason`,
    );
  }

  const explanation = explain({
    labels: matched.map((indicator) => indicator.label),
    total: policy.indicators.length,
    score,
    thresholds: policy.thresholds,
    suggestedTier,
    chosenTier,
    tierReason,
  });
  const assessment: RiskAssessment = {
    score,
    suggestedTier,
    chosenTier,
    matched,
    total: policy.indicators.length,
    thresholds: { yellow: policy.thresholds.yellow, red: policy.thresholds.red },
    explanation,
    ...(tierReason === undefined ? {} : { tierReason }),
    ...(decisive.length > 0 ? { decidedBy: decisive.map((indicator) => indicator.code) } : {}),
    downgraded,
  };
  return { ok: true, assessment };
}

// The HTTP layer validates shapes too, but this is the rule's own guard against bad data.
function checkInput(input: RiskInput, policy: TriagePolicy): TriageRefusal | undefined {
  if (!isList(input.indicators)) {
    return refuse('indicators', 'indicators must be a list of indicator codes');
  }
  const known = new Set(policy.indicators.map((indicator) => indicator.code));
  const unknown = input.indicators.find((code) => !known.has(code));
  if (unknown !== undefined) {
    return refuse('indicators', `unknown risk indicator "${String(unknown)}"`);
  }
  const { requestedTier, tierReason, amount, partyCount } = input;
  if (requestedTier != null && !isTier(requestedTier)) {
    return refuse(
      'requestedTier',
      `unknown tier "${String(requestedTier)}": use blue, yellow or red`,
    );
  }
  if (tierReason != null && typeof tierReason !== 'string') {
    return refuse('tierReason', 'tierReason must be text');
  }
  if (amount != null && !(Number.isFinite(amount) && amount >= 0)) {
    return refuse('amount', 'amount must be a number of 0 or more');
  }
  if (partyCount != null && !(Number.isInteger(partyCount) && partyCount >= 0)) {
    return refuse('partyCount', 'partyCount must be a whole number of 0 or more');
  }
  return undefined;
}

// Array.isArray would narrow a readonly string[] to any[]; this keeps the element type.
function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function matchIndicators(input: RiskInput, policy: TriagePolicy): MatchedIndicator[] {
  const ticked = new Set(input.indicators);
  const { amountFrom, partyCountFrom } = policy.autoMatch ?? {};
  const byAmount = amountFrom !== undefined && input.amount != null && input.amount >= amountFrom;
  const byParties =
    partyCountFrom !== undefined && input.partyCount != null && input.partyCount >= partyCountFrom;

  const sourceOf = (indicator: RiskIndicator): MatchSource | undefined => {
    // A ticked box wins: the opener saw the risk themselves.
    if (ticked.has(indicator.code)) return 'checklist';
    if (byAmount && indicator.code === LARGE_AMOUNT_CODE) return 'amount';
    if (byParties && indicator.code === MANY_PARTIES_CODE) return 'partyCount';
    return undefined;
  };
  return policy.indicators.flatMap((indicator) => {
    const matchedBy = sourceOf(indicator);
    if (matchedBy === undefined) return [];
    const { code, label, weight } = indicator;
    return [{ code, label, weight, matchedBy }];
  });
}

// Decimal weights must not print as 7.300000000000001 in the explanation.
function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
