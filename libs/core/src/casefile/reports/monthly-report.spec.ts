import { aggregateMonthly, monthWindow, type ReportCase } from './monthly-report';

const base: ReportCase = {
  id: 'a',
  source: 'grid',
  category: 'neighbour',
  openedTier: 'blue',
  amount: null,
  createdAt: new Date('2026-11-10T00:00:00Z'),
  closedAt: null,
  outcome: null,
  closedTier: null,
};

describe('the monthly report', () => {
  it('counts months in Beijing time', () => {
    expect(monthWindow('2026-11')).toEqual({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
    });
    expect(monthWindow('2026-12').to).toEqual(new Date('2026-12-31T16:00:00Z'));
    // 23:30 on 31 October UTC is 07:30 on 1 November in Beijing.
    const early = { ...base, createdAt: new Date('2026-10-31T23:30:00Z') };
    expect(aggregateMonthly('S1', '2026-11', [early], [], []).accepted.total).toBe(1);
    expect(aggregateMonthly('S1', '2026-10', [early], [], []).accepted.total).toBe(0);
  });

  it('computes the success rate and the tier shares, null when there is nothing to divide', () => {
    const empty = aggregateMonthly('S1', '2026-11', [], [], []);
    expect(empty.mediation.successRate).toBeNull();
    expect(empty.settledByTier.shares).toEqual({ blue: null, yellow: null, red: null });

    const closed = (
      id: string,
      outcome: ReportCase['outcome'],
      tier: ReportCase['closedTier'],
    ) => ({
      ...base,
      id,
      outcome,
      closedTier: tier,
      closedAt: new Date('2026-11-20T00:00:00Z'),
    });
    const report = aggregateMonthly(
      'S1',
      '2026-11',
      [
        closed('a', 'resolved', 'blue'),
        closed('b', 'resolved', 'blue'),
        closed('c', 'resolved', 'yellow'),
        closed('d', 'withdrawn', 'blue'),
      ],
      ['a', 'b', 'c'].map((disputeId) => ({
        disputeId,
        reachedAt: new Date('2026-11-15T00:00:00Z'),
        form: 'written' as const,
      })),
      [],
    );
    expect(report.mediation).toEqual({ concluded: 4, successful: 3, successRate: 0.75 });
    expect(report.settledByTier).toMatchObject({ blue: 2, yellow: 1, red: 0, total: 3 });
    expect(report.settledByTier.shares.blue).toBeCloseTo(0.6667, 4);
  });
});
