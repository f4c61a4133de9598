/** One line of the intake checklist (DESIGN.md §3, "Triage at intake"). */
export interface RiskIndicator {
  /** Stable snake_case code: stored with the case and sent by clients, never renamed. */
  readonly code: string;
  /** Short plain-English words, used in the assessment's explanation. */
  readonly label: string;
  /** Longer help text for the form. */
  readonly description?: string;
  /** Points added to the score when the indicator is matched; never negative. */
  readonly weight: number;
  /**
   * 一票定级: matched, it sets the suggested tier to at least this one whatever the score
   * (a risk of a crime or a killing is red on its own).
   */
  readonly decisive?: 'yellow' | 'red';
}

/**
 * The default checklist. Weights are set against the default thresholds (yellow from 4,
 * red from 8): a threat to someone's life or safety is red on its own, a matter that
 * needs legal judgement is yellow on its own, and lesser signals add up.
 */
export const DEFAULT_INDICATORS: readonly RiskIndicator[] = freezeAll([
  {
    code: 'threat_of_violence',
    label: 'threat of violence',
    description: 'A party has threatened to hurt someone or to use force.',
    weight: 8,
  },
  {
    code: 'threat_of_self_harm',
    label: 'threat of self-harm',
    description: 'A party has threatened to harm themselves or to take their own life.',
    weight: 8,
  },
  {
    code: 'criminal_risk',
    label: 'risk of turning criminal (民转刑)',
    description: 'The dispute may turn into a crime: report it to the police (PML Art. 25).',
    weight: 8,
    decisive: 'red',
  },
  {
    code: 'homicide_risk',
    label: 'risk of a killing',
    description:
      'Someone’s life is at risk (命案风险): red whatever the score, and a police report.',
    weight: 8,
    decisive: 'red',
  },
  {
    code: 'domestic_violence',
    label: 'domestic violence',
    description:
      'Violence within a family: a police matter under the Anti-Domestic Violence Law (warning letters, protection orders), not ordinary mediation.',
    weight: 6,
  },
  {
    code: 'threat_of_revenge',
    label: 'threat of revenge or loss of control',
    description: 'A party threatens revenge or seems about to lose control (扬言报复, 情绪失控).',
    weight: 6,
  },
  {
    code: 'weapons_or_poison',
    label: 'access to weapons or poison',
    description: 'A party has, or has spoken of, weapons, knives, pesticide or other poison.',
    weight: 5,
  },
  {
    code: 'mass_victim_financial',
    label: 'many victims of a financial matter',
    description: 'Many people lost money in the same matter (涉众型经济纠纷).',
    weight: 5,
  },
  {
    code: 'prior_physical_conflict',
    label: 'earlier physical fight',
    description: 'The parties have already come to blows over this or a related matter.',
    weight: 5,
  },
  {
    code: 'public_order_impact',
    label: 'impact on public order',
    description: 'The dispute draws crowds, blocks roads or entrances, or disturbs the area.',
    weight: 5,
  },
  {
    code: 'legal_complexity',
    label: 'legal complexity',
    description: 'Settling it needs legal judgement: contracts, inheritance, liability, title.',
    weight: 4,
  },
  {
    code: 'large_amount',
    label: 'large amount',
    description: 'A large sum of money is at stake (matched automatically from the amount).',
    weight: 4,
  },
  {
    code: 'petition_risk',
    label: 'risk of petitioning',
    description: 'A party says they will petition higher authorities (信访) over it.',
    weight: 4,
  },
  {
    code: 'migrant_wage_arrears',
    label: 'unpaid wages of migrant workers',
    description: 'Migrant workers are owed wages.',
    weight: 4,
  },
  {
    code: 'vulnerable_party',
    label: 'vulnerable party',
    description: 'A party is elderly, a minor, disabled or pregnant.',
    weight: 3,
  },
  {
    code: 'many_parties',
    label: 'many parties',
    description: 'Many people are involved (matched automatically from the number of parties).',
    weight: 3,
  },
  {
    code: 'repeated_dispute',
    label: 'repeated dispute',
    description: 'The same parties have been in dispute over this before.',
    weight: 3,
  },
  {
    code: 'media_attention',
    label: 'media attention',
    description: 'Newspapers, television or social media are following the dispute.',
    weight: 3,
  },
  {
    code: 'special_care_person',
    label: 'person under special care',
    description:
      'A party is among the people the community looks after closely (重点人员: severe mental illness, released prisoners, people in difficulty).',
    weight: 4,
  },
  {
    code: 'repeated_110_calls',
    label: 'repeated 110 calls',
    description: 'The police have been called (110) about the same matter more than once.',
    weight: 3,
  },
  {
    code: 'economic_hardship',
    label: 'economic hardship',
    description: 'A party is in serious financial difficulty.',
    weight: 2,
  },
  {
    code: 'sensitive_period',
    label: 'sensitive period',
    description: 'Major holidays, important meetings or events when stability matters most.',
    weight: 2,
  },
  {
    code: 'cross_jurisdiction',
    label: 'parties in different areas',
    description: 'Parties live or work outside this sub-district, so other offices are involved.',
    weight: 2,
  },
  {
    code: 'family_conflict',
    label: 'family or domestic conflict',
    description: 'The dispute is between family members or within a household.',
    weight: 2,
  },
  {
    code: 'property_damage',
    label: 'damage to property',
    description: 'A home, vehicle or other property has been damaged.',
    weight: 2,
  },
]);

// The defaults are shared by every caller, so nobody may change them in place.
function freezeAll(indicators: RiskIndicator[]): readonly RiskIndicator[] {
  return Object.freeze(indicators.map((indicator) => Object.freeze(indicator)));
}
