import {
  assessRisk,
  customizePolicy,
  DEFAULT_INDICATORS,
  DEFAULT_TRIAGE_POLICY,
  validatePolicy,
  type AssessmentResult,
  type RiskAssessment,
  type TriagePolicy,
} from './index';

// A tiny policy keeps threshold arithmetic obvious in the edge tests.
const TOY: TriagePolicy = {
  indicators: [
    { code: 'one', label: 'one point', weight: 1 },
    { code: 'three', label: 'three points', weight: 3 },
    { code: 'four', label: 'four points', weight: 4 },
    { code: 'large_amount', label: 'large amount', weight: 2 },
    { code: 'many_parties', label: 'many parties', weight: 2 },
  ],
  thresholds: { yellow: 4, red: 8 },
  autoMatch: { amountFrom: 50_000, partyCountFrom: 5 },
};

function assessed(result: AssessmentResult): RiskAssessment {
  if (!result.ok) throw new Error(`expected an assessment, got ${result.message}`);
  return result.assessment;
}

describe('default checklist', () => {
  it('has at least 12 indicators with unique snake_case codes and plain labels', () => {
    expect(DEFAULT_INDICATORS.length).toBeGreaterThanOrEqual(12);
    expect(validatePolicy(DEFAULT_TRIAGE_POLICY)).toEqual({
      ok: true,
      policy: DEFAULT_TRIAGE_POLICY,
    });
    for (const code of [
      'threat_of_violence',
      'vulnerable_party',
      'many_parties',
      'large_amount',
      'repeated_dispute',
      'public_order_impact',
      'legal_complexity',
    ]) {
      expect(DEFAULT_INDICATORS.map((indicator) => indicator.code)).toContain(code);
    }
  });

  it('gives every indicator help text for the intake form, and distinct labels', () => {
    // The form shows the description under each box; the explanation lists labels.
    for (const indicator of DEFAULT_INDICATORS) {
      expect(indicator.description?.trim()).toBeTruthy();
      expect(indicator.description).not.toBe(indicator.label);
    }
    const labels = DEFAULT_INDICATORS.map((indicator) => indicator.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('makes only the risks of a crime or a killing decisive, and at red', () => {
    const decisive = DEFAULT_INDICATORS.filter((indicator) => indicator.decisive !== undefined);
    expect(decisive.map((indicator) => [indicator.code, indicator.decisive])).toEqual([
      ['criminal_risk', 'red'],
      ['homicide_risk', 'red'],
    ]);
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(DEFAULT_INDICATORS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_INDICATORS[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_TRIAGE_POLICY.thresholds)).toBe(true);
  });

  it('puts a threat of violence at red on its own and legal complexity at yellow', () => {
    expect(assessed(assessRisk({ indicators: ['threat_of_violence'] })).suggestedTier).toBe('red');
    expect(assessed(assessRisk({ indicators: ['legal_complexity'] })).suggestedTier).toBe('yellow');
    expect(assessed(assessRisk({ indicators: ['family_conflict'] })).suggestedTier).toBe('blue');
  });
});

describe('thresholds', () => {
  it.each([
    [[], 0, 'blue'],
    [['three'], 3, 'blue'],
    [['four'], 4, 'yellow'],
    [['one', 'three'], 4, 'yellow'],
    [['three', 'four'], 7, 'yellow'],
    [['one', 'three', 'four'], 8, 'red'],
  ])('%j scores %d and suggests %s', (indicators, score, tier) => {
    const assessment = assessed(assessRisk({ indicators }, TOY));
    expect(assessment.score).toBe(score);
    expect(assessment.suggestedTier).toBe(tier);
    expect(assessment.chosenTier).toBe(tier);
    expect(assessment.downgraded).toBe(false);
  });

  it('ignores a repeated code', () => {
    expect(assessed(assessRisk({ indicators: ['four', 'four'] }, TOY)).score).toBe(4);
  });
});

describe('refusals', () => {
  it('refuses an unknown indicator code, naming it', () => {
    expect(assessRisk({ indicators: ['four', 'alien_invasion'] }, TOY)).toEqual({
      ok: false,
      field: 'indicators',
      message: 'unknown risk indicator "alien_invasion"',
    });
  });

  it('refuses an unknown tier, a negative amount and a fractional party count', () => {
    const tier = 'purple' as unknown as 'red';
    expect(assessRisk({ indicators: [], requestedTier: tier }, TOY)).toMatchObject({
      ok: false,
      field: 'requestedTier',
    });
    expect(assessRisk({ indicators: [], amount: -1 }, TOY)).toMatchObject({
      ok: false,
      field: 'amount',
    });
    expect(assessRisk({ indicators: [], partyCount: 2.5 }, TOY)).toMatchObject({
      ok: false,
      field: 'partyCount',
    });
  });

  it('throws on an invalid policy: that is a configuration bug, not bad input', () => {
    const broken: TriagePolicy = { ...TOY, thresholds: { yellow: 8, red: 8 } };
    expect(() => assessRisk({ indicators: [] }, broken)).toThrow(/invalid triage policy/);
  });
});

describe('choosing a tier', () => {
  it('needs a reason to go below the suggestion', () => {
    expect(assessRisk({ indicators: ['four'], requestedTier: 'blue' }, TOY)).toEqual({
      ok: false,
      field: 'tierReason',
      message: 'choosing blue below the suggested yellow needs a tierReason',
    });
    expect(
      assessRisk({ indicators: ['four'], requestedTier: 'blue', tierReason: '   ' }, TOY),
    ).toMatchObject({ ok: false, field: 'tierReason' });
  });

  it('records a downgrade with its reason', () => {
    const assessment = assessed(
      assessRisk(
        {
          indicators: ['one', 'three', 'four'],
          requestedTier: 'yellow',
          tierReason: '  the parties are neighbours and already calm  ',
        },
        TOY,
      ),
    );
    expect(assessment).toMatchObject({
      suggestedTier: 'red',
      chosenTier: 'yellow',
      downgraded: true,
      tierReason: 'the parties are neighbours and already calm',
    });
  });

  it('goes above the suggestion freely', () => {
    const assessment = assessed(assessRisk({ indicators: [], requestedTier: 'red' }, TOY));
    expect(assessment).toMatchObject({
      suggestedTier: 'blue',
      chosenTier: 'red',
      downgraded: false,
    });
    expect(assessment.tierReason).toBeUndefined();
  });

  it('accepts null for absent optional fields', () => {
    const assessment = assessed(
      assessRisk(
        {
          indicators: ['four'],
          requestedTier: null,
          tierReason: null,
          amount: null,
          partyCount: null,
        },
        TOY,
      ),
    );
    expect(assessment.chosenTier).toBe('yellow');
  });
});

describe('explanation', () => {
  it('lists the matched labels in checklist order with the score and thresholds', () => {
    const assessment = assessed(assessRisk({ indicators: ['four', 'one', 'three'] }, TOY));
    expect(assessment.explanation).toBe(
      'matched 3 of 5 indicators: one point, three points, four points ' +
        '(score 8; yellow from 4, red from 8) — suggests red',
    );
    expect(assessment.matched.map((indicator) => indicator.code)).toEqual(['one', 'three', 'four']);
    expect(assessment.total).toBe(5);
  });

  it('reads naturally with nothing matched', () => {
    expect(assessed(assessRisk({ indicators: [] }, TOY)).explanation).toBe(
      'matched 0 of 5 indicators (score 0; yellow from 4, red from 8) — suggests blue',
    );
  });

  it('says when another tier was chosen, and why', () => {
    expect(assessed(assessRisk({ indicators: [], requestedTier: 'yellow' }, TOY)).explanation).toBe(
      'matched 0 of 5 indicators (score 0; yellow from 4, red from 8) — suggests blue; yellow chosen',
    );
    expect(
      assessed(
        assessRisk({ indicators: ['four'], requestedTier: 'blue', tierReason: 'settled' }, TOY),
      ).explanation,
    ).toMatch(/— suggests yellow; blue chosen: settled$/);
  });

  it('says "indicator" when the checklist has one', () => {
    const single: TriagePolicy = { ...TOY, indicators: [TOY.indicators[2]], autoMatch: {} };
    expect(assessed(assessRisk({ indicators: ['four'] }, single)).explanation).toBe(
      'matched 1 of 1 indicator: four points (score 4; yellow from 4, red from 8) — suggests yellow',
    );
  });

  it('uses the default checklist size', () => {
    const assessment = assessed(
      assessRisk({ indicators: ['threat_of_violence', 'vulnerable_party', 'many_parties'] }),
    );
    expect(assessment.explanation).toBe(
      `matched 3 of ${DEFAULT_INDICATORS.length} indicators: threat of violence, vulnerable party, ` +
        'many parties (score 14; yellow from 4, red from 8) — suggests red',
    );
  });
});

describe('auto-matching from the amount and party count', () => {
  it('matches large_amount from 50,000 and many_parties from 5 parties', () => {
    expect(assessed(assessRisk({ indicators: [], amount: 49_999.99 }, TOY)).matched).toEqual([]);
    expect(assessed(assessRisk({ indicators: [], amount: 50_000 }, TOY)).matched).toEqual([
      { code: 'large_amount', label: 'large amount', weight: 2, matchedBy: 'amount' },
    ]);
    expect(assessed(assessRisk({ indicators: [], partyCount: 4 }, TOY)).matched).toEqual([]);
    expect(assessed(assessRisk({ indicators: [], partyCount: 5 }, TOY)).matched).toEqual([
      { code: 'many_parties', label: 'many parties', weight: 2, matchedBy: 'partyCount' },
    ]);
  });

  it('counts an indicator once when it is both ticked and derived', () => {
    const assessment = assessed(
      assessRisk({ indicators: ['large_amount'], amount: 1_000_000 }, TOY),
    );
    expect(assessment.score).toBe(2);
    expect(assessment.matched).toEqual([
      { code: 'large_amount', label: 'large amount', weight: 2, matchedBy: 'checklist' },
    ]);
  });

  it('can cross a threshold by itself', () => {
    const assessment = assessed(assessRisk({ indicators: [], amount: 60_000, partyCount: 6 }, TOY));
    expect(assessment.score).toBe(4);
    expect(assessment.suggestedTier).toBe('yellow');
  });

  it('is on in the default policy: a large amount from 50,000 yuan, many parties from 5', () => {
    const matched = (input: { amount?: number; partyCount?: number }) =>
      assessed(assessRisk({ indicators: [], ...input })).matched.map((m) => m.matchedBy);
    expect(matched({ amount: 49_999, partyCount: 4 })).toEqual([]);
    expect(matched({ amount: 50_000 })).toEqual(['amount']);
    expect(matched({ partyCount: 5 })).toEqual(['partyCount']);
  });

  it('is off when the policy has no rules', () => {
    const manual: TriagePolicy = { indicators: TOY.indicators, thresholds: TOY.thresholds };
    expect(
      assessed(assessRisk({ indicators: [], amount: 1e9, partyCount: 99 }, manual)).score,
    ).toBe(0);
  });
});

describe('assessRisk names the field and says why, at each rule’s edge', () => {
  const refusal = (input: Parameters<typeof assessRisk>[0]) => assessRisk(input, TOY);

  it('refuses indicators that are not a list', () => {
    expect(refusal({ indicators: 'four' as unknown as string[] })).toEqual({
      ok: false,
      field: 'indicators',
      message: 'indicators must be a list of indicator codes',
    });
  });

  it('refuses an unknown tier, saying which tiers there are', () => {
    expect(refusal({ indicators: [], requestedTier: 'purple' as unknown as 'red' })).toEqual({
      ok: false,
      field: 'requestedTier',
      message: 'unknown tier "purple": use blue, yellow or red',
    });
  });

  it('refuses a tierReason that is not text', () => {
    expect(refusal({ indicators: [], tierReason: 7 as unknown as string })).toEqual({
      ok: false,
      field: 'tierReason',
      message: 'tierReason must be text',
    });
  });

  it.each([-1, -0.01, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses an amount of %d',
    (amount) => {
      expect(refusal({ indicators: [], amount })).toEqual({
        ok: false,
        field: 'amount',
        message: 'amount must be a number of 0 or more',
      });
    },
  );

  it.each([-1, 2.5, Number.NaN])('refuses a party count of %d', (partyCount) => {
    expect(refusal({ indicators: [], partyCount })).toEqual({
      ok: false,
      field: 'partyCount',
      message: 'partyCount must be a whole number of 0 or more',
    });
  });

  it('takes an amount and a party count of 0', () => {
    expect(assessed(refusal({ indicators: [], amount: 0, partyCount: 0 })).score).toBe(0);
  });
});

describe('decisive indicators and weights', () => {
  const DECISIVE: TriagePolicy = {
    ...TOY,
    indicators: [
      ...TOY.indicators,
      { code: 'legal', label: 'legal', weight: 0, decisive: 'yellow' },
      { code: 'crime', label: 'crime', weight: 0, decisive: 'red' },
    ],
  };

  it('a decisive indicator raises the suggestion to its tier, never lowers it', () => {
    expect(assessed(assessRisk({ indicators: ['legal'] }, DECISIVE))).toMatchObject({
      score: 0,
      suggestedTier: 'yellow',
      decidedBy: ['legal'],
    });
    // Already red by the score: a decisive yellow leaves it red, and is still named.
    expect(
      assessed(assessRisk({ indicators: ['one', 'three', 'four', 'legal'] }, DECISIVE)),
    ).toMatchObject({ score: 8, suggestedTier: 'red', decidedBy: ['legal'] });
    // Two decisive ones: the higher wins, whatever order they were ticked in.
    expect(assessed(assessRisk({ indicators: ['crime', 'legal'] }, DECISIVE))).toMatchObject({
      suggestedTier: 'red',
      decidedBy: ['legal', 'crime'],
    });
  });

  it('names no decisive indicator when none was matched', () => {
    const assessment = assessed(assessRisk({ indicators: ['four'] }, DECISIVE));
    expect(assessment).not.toHaveProperty('decidedBy');
    expect(assessment).not.toHaveProperty('tierReason');
  });

  it('adds decimal weights without floating-point noise, and records the thresholds used', () => {
    const decimal: TriagePolicy = {
      ...TOY,
      indicators: [
        { code: 'a', label: 'a', weight: 0.1 },
        { code: 'b', label: 'b', weight: 0.2 },
      ],
      autoMatch: {},
    };
    const assessment = assessed(assessRisk({ indicators: ['a', 'b'] }, decimal));
    expect(assessment.score).toBe(0.3);
    expect(assessment.explanation).toContain('(score 0.3;');
    expect(assessment.thresholds).toEqual({ yellow: 4, red: 8 });
  });
});

describe('validatePolicy', () => {
  const withIndicator = (weight: number, code = 'extra'): TriagePolicy => ({
    ...TOY,
    indicators: [...TOY.indicators, { code, label: 'extra', weight }],
  });

  it('rejects a negative weight', () => {
    expect(validatePolicy(withIndicator(-1))).toEqual({
      ok: false,
      field: 'indicators[5].weight',
      message: 'indicator "extra" needs a weight of 0 or more',
    });
  });

  it('rejects a duplicate code', () => {
    expect(validatePolicy(withIndicator(1, 'four'))).toEqual({
      ok: false,
      field: 'indicators[5].code',
      message: 'indicator code "four" is duplicated',
    });
  });

  it('rejects yellow at or above red', () => {
    for (const thresholds of [
      { yellow: 8, red: 8 },
      { yellow: 9, red: 8 },
    ]) {
      expect(validatePolicy({ ...TOY, thresholds })).toMatchObject({
        ok: false,
        field: 'thresholds',
      });
    }
  });

  it('rejects codes that are not snake_case, blank labels and auto-match rules without their indicator', () => {
    expect(validatePolicy(withIndicator(1, 'Bad-Code'))).toMatchObject({
      field: 'indicators[5].code',
    });
    // Snake_case to the end: a code that only begins like one is refused too.
    for (const code of ['trailing_', 'good_then-bad', 'risk!'])
      expect(validatePolicy(withIndicator(1, code))).toMatchObject({ field: 'indicators[5].code' });
    expect(
      validatePolicy({ ...TOY, indicators: [{ code: 'x', label: ' ', weight: 1 }], autoMatch: {} }),
    ).toMatchObject({ field: 'indicators[0].label' });
    expect(
      validatePolicy({ ...TOY, indicators: [{ code: 'x', label: 'x', weight: 1 }] }),
    ).toMatchObject({ field: 'autoMatch.amountFrom' });
    expect(validatePolicy({ ...TOY, indicators: [] })).toMatchObject({ field: 'indicators' });
  });
});

describe('validatePolicy names the field and says why, at each rule’s edge', () => {
  const only = (code: string) => [{ code, label: code, weight: 1 }];
  const refusal = (field: string, message: string) => ({ ok: false, field, message });
  it.each<[string, Partial<TriagePolicy>, ReturnType<typeof refusal>]>([
    ['no indicators', { indicators: [] }, refusal('indicators', 'the checklist has no indicators')],
    [
      'a code that is not snake_case',
      { indicators: only('Bad-Code') },
      refusal('indicators[0].code', 'indicator code "Bad-Code" is not snake_case'),
    ],
    [
      'a blank label',
      { indicators: [{ code: 'x', label: ' ', weight: 1 }] },
      refusal('indicators[0].label', 'indicator "x" has no label'),
    ],
    ...[-1, Number.NaN].map(
      (yellow): [string, Partial<TriagePolicy>, ReturnType<typeof refusal>] => [
        `yellow at ${yellow}`,
        { thresholds: { yellow, red: 8 } },
        refusal('thresholds.yellow', 'the yellow threshold must be a number of 0 or more'),
      ],
    ),
    [
      'red not a number',
      { thresholds: { yellow: 4, red: Number.NaN } },
      refusal('thresholds.red', 'the red threshold must be a number'),
    ],
    [
      'yellow above red',
      { thresholds: { yellow: 9, red: 8 } },
      refusal('thresholds', 'the yellow threshold (9) must be below red (8)'),
    ],
    ...[0, Number.NaN].map(
      (amountFrom): [string, Partial<TriagePolicy>, ReturnType<typeof refusal>] => [
        `a large amount from ${amountFrom}`,
        { autoMatch: { amountFrom } },
        refusal('autoMatch.amountFrom', 'the large-amount rule needs an amount above 0'),
      ],
    ),
    [
      'a large amount without its indicator',
      { indicators: only('x'), autoMatch: { amountFrom: 1 } },
      refusal('autoMatch.amountFrom', 'the checklist has no "large_amount" indicator'),
    ],
    ...[1, 2.5].map(
      (partyCountFrom): [string, Partial<TriagePolicy>, ReturnType<typeof refusal>] => [
        `many parties from ${partyCountFrom}`,
        { autoMatch: { partyCountFrom } },
        refusal(
          'autoMatch.partyCountFrom',
          'the many-parties rule needs a whole number of 2 or more',
        ),
      ],
    ),
    [
      'many parties without its indicator',
      { indicators: only('x'), autoMatch: { partyCountFrom: 2 } },
      refusal('autoMatch.partyCountFrom', 'the checklist has no "many_parties" indicator'),
    ],
  ])('refuses %s', (_what, change, expected) => {
    expect(validatePolicy({ ...TOY, ...change })).toEqual(expected);
  });

  it('takes the edges themselves: weight 0, yellow at 0, a large amount from 1, many parties from 2', () => {
    for (const change of [
      { indicators: [...TOY.indicators, { code: 'free', label: 'free', weight: 0 }] },
      { thresholds: { yellow: 0, red: 8 } },
      { autoMatch: { amountFrom: 1, partyCountFrom: 2 } },
    ])
      expect(validatePolicy({ ...TOY, ...change }).ok).toBe(true);
  });
});

describe('customizePolicy', () => {
  it('changes weights and thresholds and leaves the default alone', () => {
    const result = customizePolicy({
      weights: { family_conflict: 5 },
      thresholds: { yellow: 5 },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.policy.thresholds).toEqual({ yellow: 5, red: 8 });
    expect(
      assessed(assessRisk({ indicators: ['family_conflict'] }, result.policy)).suggestedTier,
    ).toBe('yellow');
    expect(assessed(assessRisk({ indicators: ['family_conflict'] })).suggestedTier).toBe('blue');
  });

  it('keeps the base policy’s automatic matches unless told otherwise, and can switch them off', () => {
    const kept = customizePolicy({ thresholds: { red: 9 } }, TOY);
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.policy.autoMatch).toEqual(TOY.autoMatch);
    // A large amount is still matched on its own under the customised policy.
    expect(
      assessed(assessRisk({ indicators: [], amount: 60_000 }, kept.policy)).matched.map(
        (indicator) => indicator.code,
      ),
    ).toEqual(['large_amount']);
    const off = customizePolicy({ autoMatch: { partyCountFrom: 3 } }, TOY);
    if (!off.ok) throw new Error(off.message);
    expect(off.policy.autoMatch).toEqual({ partyCountFrom: 3 });
    expect(
      assessed(
        assessRisk({ indicators: [], amount: 60_000, partyCount: 3 }, off.policy),
      ).matched.map((indicator) => indicator.code),
    ).toEqual(['many_parties']);
  });

  it('refuses an unknown code and an invalid result', () => {
    expect(customizePolicy({ weights: { nope: 1 } })).toEqual({
      ok: false,
      field: 'weights.nope',
      message: 'unknown risk indicator "nope"',
    });
    expect(customizePolicy({ thresholds: { yellow: 9 } })).toMatchObject({
      ok: false,
      field: 'thresholds',
    });
  });
});
