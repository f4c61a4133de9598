import type { Tier } from '../domain';
import type { TriageThresholds } from './policy';

export interface ExplanationParts {
  readonly labels: readonly string[];
  readonly total: number;
  readonly score: number;
  readonly thresholds: TriageThresholds;
  readonly suggestedTier: Tier;
  readonly chosenTier: Tier;
  readonly tierReason?: string;
}

/**
 * One sentence a supervisor can read back, e.g.
 * "matched 3 of 15 indicators: threat of violence, many parties, large amount
 * (score 15; yellow from 4, red from 8) — suggests red".
 * A different choice is appended: "; blue chosen: <reason>".
 */
export function explain(parts: ExplanationParts): string {
  const { labels, total, score, thresholds, suggestedTier, chosenTier, tierReason } = parts;
  const noun = total === 1 ? 'indicator' : 'indicators';
  const list = labels.length > 0 ? `: ${labels.join(', ')}` : '';
  const basis = `score ${score}; yellow from ${thresholds.yellow}, red from ${thresholds.red}`;
  const sentence = `matched ${labels.length} of ${total} ${noun}${list} (${basis}) — suggests ${suggestedTier}`;
  if (chosenTier === suggestedTier) return sentence;
  const reason = tierReason === undefined ? '' : `: ${tierReason}`;
  return `${sentence}; ${chosenTier} chosen${reason}`;
}
