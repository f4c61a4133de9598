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

  it('人民调解工作统计: by mediation type; settled by the parties and not accepted are neither success nor failure', () => {
    const at = new Date('2026-11-20T00:00:00Z');
    const report = aggregateMonthly(
      'S1',
      '2026-11',
      [
        { ...base, id: 'a', mediationType: 'police' },
        {
          ...base,
          id: 'b',
          mediationType: 'court',
          outcome: 'settled_by_parties',
          closedTier: 'blue',
          closedAt: at,
        },
        { ...base, id: 'c', outcome: 'not_accepted', closedTier: 'blue', closedAt: at },
        { ...base, id: 'd', outcome: 'other_route', closedTier: 'blue', closedAt: at },
        { ...base, id: 'e' },
      ],
      [{ disputeId: 'e', reachedAt: at, form: 'written' }],
      [
        // The court's answer as version 2 records it (`result`) and as the contract did.
        { disputeId: 'e', type: 'RECORD_CONFIRMATION', at, payload: { result: 'confirmed' } },
        { disputeId: 'a', type: 'RECORD_CONFIRMATION', at, payload: { result: 'not_accepted' } },
        { disputeId: 'a', type: 'RECORD_CONFIRMATION', at, payload: { confirmed: true } },
      ],
    );
    expect(report.accepted.byMediationType).toEqual({ people: 3, police: 1, court: 1 });
    expect(report.closed.byMediationType).toEqual({ people: 2, police: 0, court: 1 });
    // One agreement reached, one failure (another route); the settlement is not a failure.
    expect(report.mediation).toEqual({ concluded: 2, successful: 1, successRate: 0.5 });
    expect(report.closed.byOutcome).toMatchObject({ settled_by_parties: 1, not_accepted: 1 });
    expect(report.judicialConfirmation).toEqual({ applied: 0, granted: 2, refused: 1 });
  });
});

describe('the monthly supervision figures', () => {
  const at = (iso: string) => new Date(iso);
  const notice = (disputeId: string, noticeId: string, issued: string, dueBy: string) => ({
    disputeId,
    type: 'SUPERVISION_NOTICE',
    at: at(issued),
    payload: { noticeId, dueBy },
  });
  const answer = (disputeId: string, noticeId: string, when: string) => ({
    disputeId,
    type: 'SUPERVISION_ACKNOWLEDGED',
    at: at(when),
    payload: { noticeId },
  });
  const expired = (disputeId: string, when: string) => ({
    disputeId,
    type: 'DEADLINE_EXPIRED',
    at: at(when),
    payload: {},
  });

  it('counts notices, answers, notices past their time and breaches after pressing', () => {
    const report = aggregateMonthly(
      'S1',
      '2026-11',
      [],
      [],
      [
        // October's notice on a: its time ran out in November, answered too late.
        notice('a', 'n1', '2026-10-30T02:00:00Z', '2026-11-02T09:30:00Z'),
        answer('a', 'n1', '2026-11-03T02:00:00Z'),
        // a missed its deadline in November, after being pressed in October.
        expired('a', '2026-11-05T09:30:00Z'),
        // b: pressed twice in November, answered the first in time; its breach came before.
        expired('b', '2026-11-03T09:30:00Z'),
        notice('b', 'n2', '2026-11-04T02:00:00Z', '2026-11-06T09:30:00Z'),
        answer('b', 'n2', '2026-11-05T02:00:00Z'),
        notice('b', 'n3', '2026-11-20T02:00:00Z', '2026-12-02T09:30:00Z'),
        // c: a notice whose time ran out in November with no answer.
        notice('c', 'n4', '2026-11-10T02:00:00Z', '2026-11-12T09:30:00Z'),
        // d: due later in November than "now": not late yet.
        notice('d', 'n5', '2026-11-20T02:00:00Z', '2026-11-28T09:30:00Z'),
      ],
      at('2026-11-25T00:00:00Z'),
    );
    expect(report.supervision).toEqual({
      issued: 4,
      pressedCases: 3,
      acknowledged: 2,
      pastDueUnacknowledged: 2,
      breachedAfterPressing: 1,
    });
    expect(aggregateMonthly('S1', '2026-11', [], [], []).supervision).toEqual({
      issued: 0,
      pressedCases: 0,
      acknowledged: 0,
      pastDueUnacknowledged: 0,
      breachedAfterPressing: 0,
    });
  });
});
