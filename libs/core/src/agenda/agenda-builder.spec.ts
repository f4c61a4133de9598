import {
  assembleAgenda,
  buildSections,
  escalationWindowStart,
  isOverdue,
  sumCounts,
} from './agenda-builder';
import type { AgendaSources, EscalationRow, OpenCaseRow } from './agenda-sources.types';

const NOW = new Date('2026-03-04T00:00:00.000Z');
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

const open = (over: Partial<OpenCaseRow> & Pick<OpenCaseRow, 'id'>): OpenCaseRow => ({
  reference: `TC-${over.id}`,
  title: `case ${over.id}`,
  gridCode: 'G1',
  communityCode: 'C1',
  tier: 'blue',
  status: 'blue.mediating',
  overdue: false,
  nextDeadlineAt: hoursFromNow(24),
  createdAt: hoursFromNow(-48),
  ...over,
});

const escalation = (
  over: Partial<EscalationRow> & Pick<EscalationRow, 'disputeId'>,
): EscalationRow => ({
  type: 'ESCALATE',
  actorId: 'u1',
  actorRole: 'grid_worker',
  actorName: 'Wang',
  payload: { type: 'ESCALATE', reason: 'needs a lawyer' },
  fromStatus: 'blue.mediating',
  fromTier: 'blue',
  toTier: 'yellow',
  at: hoursFromNow(-24),
  reference: `TC-${over.disputeId}`,
  title: `case ${over.disputeId}`,
  gridCode: 'G1',
  communityCode: 'C1',
  status: 'yellow.awaitingAcceptance',
  ...over,
});

const C1 = { code: 'C1', name: 'Community one' };
const C3 = { code: 'C3', name: 'Community three' };

describe('isOverdue', () => {
  it('is the overdue flag or a next deadline already passed', () => {
    expect(isOverdue({ overdue: true, nextDeadlineAt: null }, NOW)).toBe(true);
    expect(isOverdue({ overdue: false, nextDeadlineAt: hoursFromNow(-1) }, NOW)).toBe(true);
    expect(isOverdue({ overdue: false, nextDeadlineAt: hoursFromNow(1) }, NOW)).toBe(false);
    expect(isOverdue({ overdue: false, nextDeadlineAt: null }, NOW)).toBe(false);
  });
});

describe('buildSections', () => {
  const sources: AgendaSources = {
    unit: { code: 'S1', name: 'Street one' },
    communities: [C1, C3],
    openCases: [
      open({ id: 'a', tier: 'blue', nextDeadlineAt: hoursFromNow(5) }),
      open({ id: 'b', tier: 'red', status: 'red.convening', overdue: true, nextDeadlineAt: null }),
      open({ id: 'c', tier: 'blue', nextDeadlineAt: hoursFromNow(-2) }),
      open({ id: 'd', tier: 'yellow', status: 'yellow.jointReview', nextDeadlineAt: null }),
      open({ id: 'x', communityCode: 'C3', gridCode: 'G9' }),
    ],
    escalations: [
      escalation({ disputeId: 'd', at: hoursFromNow(-30) }),
      escalation({
        disputeId: 'b',
        type: 'DEADLINE_EXPIRED',
        actorId: 'system',
        actorRole: 'system',
        actorName: null,
        payload: { type: 'DEADLINE_EXPIRED', timerId: 't1' },
        fromStatus: 'yellow.jointReview',
        fromTier: 'yellow',
        toTier: 'red',
        at: hoursFromNow(-2),
        status: 'red.convening',
      }),
      escalation({ disputeId: 'b', at: hoursFromNow(-50) }),
    ],
  };
  const [c1, c3] = buildSections(sources, NOW);

  it('puts each case in its own community, hardest first, then by the nearest deadline', () => {
    expect(c1?.community).toEqual(C1);
    expect(c1?.open.map((c) => c.id)).toEqual(['b', 'd', 'c', 'a']);
    expect(c3?.open.map((c) => c.id)).toEqual(['x']);
    expect(c3?.escalated).toEqual([]);
  });

  it('lists the overdue cases: flagged or past their deadline', () => {
    expect(c1?.overdue.map((c) => c.id)).toEqual(['b', 'c']);
    expect(c1?.open.find((c) => c.id === 'c')).toMatchObject({
      overdue: true,
      nextDeadlineAt: hoursFromNow(-2).toISOString(),
    });
  });

  it('says who escalated, why and when, newest first, naming the system for timers', () => {
    expect(c1?.escalated.map((e) => [e.disputeId, e.event])).toEqual([
      ['b', 'DEADLINE_EXPIRED'],
      ['d', 'ESCALATE'],
      ['b', 'ESCALATE'],
    ]);
    expect(c1?.escalated[0]).toMatchObject({
      automatic: true,
      by: { id: 'system', role: 'system', name: 'system' },
      fromTier: 'yellow',
      toTier: 'red',
      reason: 'the yellow.jointReview deadline passed (automatic escalation)',
      at: hoursFromNow(-2).toISOString(),
    });
    expect(c1?.escalated[1]).toMatchObject({
      automatic: false,
      by: { id: 'u1', role: 'grid_worker', name: 'Wang' },
      reason: 'needs a lawyer',
    });
  });

  it('counts open, overdue, escalated cases (distinct) and open cases per tier', () => {
    expect(c1?.counts).toEqual({
      open: 4,
      overdue: 2,
      escalated: 2,
      openByTier: { blue: 2, yellow: 1, red: 1 },
    });
  });
});

describe('assembleAgenda', () => {
  const sections = buildSections(
    {
      unit: { code: 'S1', name: 'Street one' },
      communities: [C1, C3],
      openCases: [open({ id: 'a' }), open({ id: 'x', communityCode: 'C3', overdue: true })],
      escalations: [escalation({ disputeId: 'a' })],
    },
    NOW,
  );

  it('groups a street agenda per community and sums their counts', () => {
    const agenda = assembleAgenda(
      { id: 'ag1', kind: 'street', unit: { code: 'S1', name: 'Street one' }, now: NOW },
      sections,
    );
    expect(agenda).toMatchObject({
      id: 'ag1',
      kind: 'street',
      generatedAt: NOW.toISOString(),
      escalatedSince: escalationWindowStart(NOW).toISOString(),
      counts: { open: 2, overdue: 1, escalated: 1, openByTier: { blue: 2, yellow: 0, red: 0 } },
    });
    expect(agenda.kind === 'street' && agenda.communities.map((s) => s.community.code)).toEqual([
      'C1',
      'C3',
    ]);
  });

  it('makes a community agenda of its own section', () => {
    const agenda = assembleAgenda({ id: 'ag2', kind: 'community', unit: C3, now: NOW }, sections);
    expect(agenda.kind).toBe('community');
    if (agenda.kind !== 'community') return;
    expect(agenda.open.map((c) => c.id)).toEqual(['x']);
    expect(agenda.overdue.map((c) => c.id)).toEqual(['x']);
    expect(agenda.escalated).toEqual([]);
    expect(agenda.counts.open).toBe(1);
  });

  it('the escalation window is the seven days before the agenda', () => {
    expect(escalationWindowStart(NOW).toISOString()).toBe('2026-02-25T00:00:00.000Z');
  });

  it('sums no counts to zeros', () => {
    expect(sumCounts([])).toEqual({
      open: 0,
      overdue: 0,
      escalated: 0,
      openByTier: { blue: 0, yellow: 0, red: 0 },
    });
  });
});

describe('PML Arts. 15, 23: private cases on the agenda', () => {
  const sources: AgendaSources = {
    unit: C1,
    communities: [C1],
    openCases: [
      open({ id: 'secret', title: 'the Wangs’ affair', tier: 'yellow', inPrivate: true }),
      open({ id: 'plain', title: 'leaking pipe' }),
    ],
    escalations: [
      escalation({
        disputeId: 'secret',
        title: 'the Wangs’ affair',
        payload: { type: 'ESCALATE', reason: 'the affair came out' },
        inPrivate: true,
      }),
    ],
    supervision: [
      {
        noticeId: 'n1',
        disputeId: 'secret',
        reference: 'TC-secret',
        title: 'the Wangs’ affair',
        gridCode: 'G1',
        communityCode: 'C1',
        reason: 'the affair has gone on for a month',
        dueBy: hoursFromNow(24),
        issuedAt: hoursFromNow(-24),
        acknowledged: false,
        inPrivate: true,
      },
    ],
  };
  const [section] = buildSections(sources, NOW);

  it('keeps what the meeting needs and nothing of the content', () => {
    expect(section?.open.find((c) => c.id === 'secret')).toMatchObject({
      reference: 'TC-secret',
      gridCode: 'G1',
      tier: 'yellow',
      title: '',
      private: true,
    });
    expect(section?.escalated[0]).toMatchObject({
      reference: 'TC-secret',
      by: { name: 'Wang' },
      title: '',
      reason: '',
      private: true,
    });
    expect(section?.supervision[0]).toMatchObject({ title: '', reason: '', private: true });
    expect(JSON.stringify(section)).not.toMatch(/affair/);
    expect(section?.open.find((c) => c.id === 'plain')).toMatchObject({
      title: 'leaking pipe',
      private: false,
    });
    // Counts are the meeting's business: a private case still counts.
    expect(section?.counts).toMatchObject({ open: 2, escalated: 1 });
  });
});
