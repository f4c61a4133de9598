import { share, summariseGroups, timePerTier } from './stats-summary';
import type { CaseGroup } from './stats.types';

const group = (over: Partial<CaseGroup> & Pick<CaseGroup, 'cases'>): CaseGroup => ({
  tier: 'blue',
  status: 'blue.mediating',
  outcome: null,
  late: false,
  raised: false,
  ...over,
});

describe('summariseGroups', () => {
  const closed = (over: Partial<CaseGroup> & Pick<CaseGroup, 'cases'>) =>
    group({ status: 'closed', outcome: 'resolved', ...over });
  const counts = summariseGroups([
    group({ cases: 4 }),
    group({ cases: 1, late: true }),
    group({ cases: 2, tier: 'red', status: 'red.convening', late: true }),
    closed({ cases: 3 }),
    closed({ cases: 1, tier: 'blue', raised: true }),
    closed({ cases: 2, tier: 'yellow', raised: true }),
    closed({ cases: 2, tier: 'red' }),
    closed({ cases: 5, outcome: 'withdrawn' }),
    closed({ cases: 1, tier: 'red', outcome: 'referred_to_litigation' }),
  ]);

  it('totals open, closed and overdue cases', () => {
    expect(counts).toMatchObject({ total: 21, open: 7, closed: 14, overdue: 3 });
  });

  it('counts per current tier, with outcomes at the tier of closing', () => {
    expect(counts.byTier.blue).toMatchObject({ total: 14, open: 5, closed: 9, overdue: 1 });
    expect(counts.byTier.blue.outcomes).toMatchObject({ resolved: 4, withdrawn: 5, refused: 0 });
    expect(counts.byTier.red).toMatchObject({ total: 5, open: 2, closed: 3, overdue: 2 });
    expect(counts.byTier.red.outcomes.referred_to_litigation).toBe(1);
    expect(counts.byTier.yellow).toMatchObject({ total: 2, open: 0, closed: 2, overdue: 0 });
  });

  it('counts per status and outcome, every key present', () => {
    expect(counts.byStatus).toMatchObject({
      'blue.mediating': 5,
      'red.convening': 2,
      closed: 14,
      'yellow.jointReview': 0,
      suspended: 0,
    });
    expect(counts.byOutcome).toEqual({
      resolved: 8,
      withdrawn: 5,
      refused: 0,
      referred_to_litigation: 1,
      transferred: 0,
      agreement_not_performed: 0,
      not_accepted: 0,
      other_route: 0,
      settled_by_parties: 0,
    });
  });

  it('人民调解工作统计: agreements reached and confirmed apart from performance; every mediation type counts its own', () => {
    const typed = summariseGroups([
      group({ cases: 3, status: 'agreed', agreementsReached: 3, confirmed: 1 }),
      closed({ cases: 2, agreementsReached: 2, mediationType: 'police' }),
      closed({ cases: 4, outcome: 'agreement_not_performed', agreementsReached: 4 }),
      closed({ cases: 1, outcome: 'settled_by_parties', mediationType: 'court' }),
      group({ cases: 2 }),
    ]);
    // Reached 9, of which performed 2 and confirmed 1: three different figures.
    expect(typed.agreements).toEqual({ reached: 9, confirmed: 1, performed: 2 });
    expect(typed.byMediationType.people).toMatchObject({
      total: 9,
      open: 5,
      closed: 4,
      agreementsReached: 7,
    });
    expect(typed.byMediationType.police).toMatchObject({ total: 2, agreementsReached: 2 });
    expect(typed.byMediationType.police.outcomes.resolved).toBe(2);
    expect(typed.byMediationType.court.outcomes.settled_by_parties).toBe(1);
    // One case, one count: the three bodies' totals add up to the whole.
    const types = Object.values(typed.byMediationType);
    expect(types.reduce((n, t) => n + t.total, 0)).toBe(typed.total);
  });

  it('shares resolved cases by the tier settled at, and those never sent further up', () => {
    expect(counts.settled).toEqual({
      resolved: 8,
      atTier: {
        blue: { count: 4, share: 0.5 },
        yellow: { count: 2, share: 0.25 },
        red: { count: 2, share: 0.25 },
      },
      withoutEscalation: { count: 5, share: 5 / 8 },
    });
  });

  it('has zero counts and null shares for no cases', () => {
    const none = summariseGroups([]);
    expect(none).toMatchObject({ total: 0, open: 0, closed: 0, overdue: 0 });
    expect(none.settled.atTier.blue).toEqual({ count: 0, share: null });
    expect(none.settled.withoutEscalation).toEqual({ count: 0, share: null });
  });
});

describe('share', () => {
  it('divides, or is null for nothing to divide by', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });
});

describe('timePerTier', () => {
  it('keys the rows by tier and fills a tier no case reached', () => {
    expect(timePerTier([{ tier: 'yellow', cases: 2, averageHours: 30, medianHours: 30 }])).toEqual({
      blue: { cases: 0, averageHours: null, medianHours: null },
      yellow: { cases: 2, averageHours: 30, medianHours: 30 },
      red: { cases: 0, averageHours: null, medianHours: null },
    });
  });
});
