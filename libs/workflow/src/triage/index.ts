export { DEFAULT_INDICATORS, type RiskIndicator } from './indicators';
export {
  DEFAULT_TRIAGE_POLICY,
  LARGE_AMOUNT_CODE,
  MANY_PARTIES_CODE,
  validatePolicy,
  type PolicyResult,
  type TriageAutoMatch,
  type TriagePolicy,
  type TriageThresholds,
} from './policy';
export { customizePolicy, type TriagePolicyOverrides } from './customize';
export {
  assessRisk,
  type AssessmentResult,
  type MatchSource,
  type MatchedIndicator,
  type RiskAssessment,
  type RiskInput,
} from './assess';
export { suggestTier, tierRank } from './tiers';
export type { TriageRefusal } from './result';
