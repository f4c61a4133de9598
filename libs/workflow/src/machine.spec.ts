/**
 * The statechart against DESIGN.md §3: every row of the event table, every outcome, and the
 * tier bookkeeping along each path — all driven through the engine, as the server drives it.
 */
import type { OpenStatus, Outcome, Status, Tier } from './domain';
import { OUTCOMES } from './domain';
import { eventTime } from './actions';
import { EVENT_TYPES, type WorkflowEvent } from './events';
import type { TimerEntry } from './timers';
import {
  ACTORS,
  ALL_PARTY_IDS,
  at,
  Case,
  caseIn,
  closedCase,
  DAY,
  DAY_MS,
  FULL_PANEL,
  HOUR,
  LI,
  plus,
  WANG,
} from './testing/fixtures';

const OPEN_STATUSES: OpenStatus[] = [
  'blue.mediating',
  'yellow.awaitingAcceptance',
  'yellow.jointReview',
  'red.convening',
  'red.panelMediation',
  'agreed',
  'agreed.judicialConfirmation',
  'followUp',
];
const MEDIATING: Record<Tier, Status> = {
  blue: 'blue.mediating',
  yellow: 'yellow.jointReview',
  red: 'red.panelMediation',
};

const summary = (c: Case) => ({ status: c.status, tier: c.view.tier, highest: c.view.highestTier });

describe('opening a case', () => {
  it.each([
    ['blue', 'blue.mediating'],
    ['yellow', 'yellow.awaitingAcceptance'],
    ['red', 'red.convening'],
  ] as const)('a case triaged %s starts in %s at that tier', (tier, status) => {
    const c = new Case(tier);
    expect(summary(c)).toEqual({ status, tier, highest: tier });
    expect(c.view.outcome).toBeNull();
    expect(c.view.overdue).toBe(false);
    expect(c.view.timers.map((t) => [t.kind, t.scope])).toEqual([
      ['deadline', status],
      ['reminder', status],
    ]);
  });

  it('an event the server did not stamp with its time fails loudly, not with a time of null', () => {
    // Every record and timer is dated from the event: an unstamped event is a server bug.
    expect(() => eventTime({ type: 'ESCALATE' })).toThrow('event ESCALATE carries no time');
    const unstamped = { type: 'ESCALATE', at: null } as unknown as WorkflowEvent;
    expect(() => eventTime(unstamped)).toThrow('event ESCALATE carries no time');
  });
});

describe('ACCEPT', () => {
  it('moves yellow.awaitingAcceptance to yellow.jointReview, naming the officer and lawyer', () => {
    const c = new Case('yellow');
    c.send('ACCEPT', {}, ACTORS.judicialOfficer);
    expect(c.status).toBe('yellow.jointReview');
    expect(c.context.officerId).toBe(ACTORS.judicialOfficer.id);
    expect(c.context.lawyerId).toBe(ACTORS.lawyer.id);
  });

  it('hands the case to the accepting officer and the named lawyer only', () => {
    const c = caseIn('yellow.jointReview');
    expect(c.attempt('ESCALATE', {}, ACTORS.lawyer).ok).toBe(true);
    expect(c.attempt('ESCALATE', {}, ACTORS.judicialOfficer).ok).toBe(true);
    expect(c.refusal('ESCALATE', {}, ACTORS.secondJudicialOfficer)).toMatch(
      /only the accepting judicial officer and the named lawyer/,
    );
    expect(c.refusal('ESCALATE', {}, ACTORS.otherLawyer)).toMatch(/named lawyer/);
  });

  it('may name another officer of the street than the one sending it', () => {
    const c = new Case('yellow');
    c.send('ACCEPT', { officerId: ACTORS.secondJudicialOfficer.id }, ACTORS.judicialOfficer);
    expect(c.context.officerId).toBe(ACTORS.secondJudicialOfficer.id);
    expect(c.refusal('ESCALATE', {}, ACTORS.judicialOfficer)).toMatch(/accepting judicial officer/);
  });
});

describe('CONVENE_PANEL', () => {
  it.each([ACTORS.courtMember, ACTORS.sparePoliceMember, ACTORS.supervisor])(
    'moves red.convening to red.panelMediation when all four institutions sit (sent by $id)',
    (actor) => {
      const c = new Case('red');
      c.send('CONVENE_PANEL', {}, actor);
      expect(c.status).toBe('red.panelMediation');
      expect(c.context.panel).toEqual(FULL_PANEL);
    },
  );

  it('hands the red case to the convened members only', () => {
    const c = caseIn('red.panelMediation');
    expect(c.attempt('WITHDRAW', {}, ACTORS.lawFirmMember).ok).toBe(true);
    expect(c.refusal('REACH_AGREEMENT', {}, ACTORS.spareCourtMember)).toMatch(
      /only the members of the convened panel/,
    );
  });

  it('stays in red.convening when a member is missing', () => {
    const c = new Case('red');
    const reason = c.refusal(
      'CONVENE_PANEL',
      { members: FULL_PANEL.filter((m) => m.institution !== 'court') },
      ACTORS.supervisor,
    );
    expect(reason).toMatch(/court/);
    expect(c.status).toBe('red.convening');
  });
});

describe('REACH_AGREEMENT', () => {
  it.each(['blue', 'yellow', 'red'] as const)(
    'from the %s mediation state leads to agreed, recording the agreement of that tier',
    (tier) => {
      const c = caseIn(MEDIATING[tier]);
      const due = plus(c.now, 10 * DAY_MS);
      c.send('REACH_AGREEMENT', { performanceDueAt: due });
      expect(c.status).toBe('agreed');
      expect(c.view.tier).toBe(tier);
      expect(c.context.agreement).toMatchObject({
        tier,
        performanceDueAt: due,
        signedByPartyIds: ALL_PARTY_IDS,
        reachedAt: c.now,
        reachedBy: {
          blue: ACTORS.gridWorker,
          yellow: ACTORS.judicialOfficer,
          red: ACTORS.courtMember,
        }[tier].id,
        // PML Art. 33, counted in calendar days from the next day (China time): the end of
        // 2 April, for an agreement made on 3 March.
        confirmationWindowEndsAt: '2025-04-02T16:00:00.000Z',
        confirmation: null,
      });
    },
  );

  it.each(['yellow.awaitingAcceptance', 'red.convening'] as const)(
    'is not possible in %s (nobody is mediating yet)',
    (status) => {
      const c = caseIn(status);
      expect(c.refusal('REACH_AGREEMENT')).toBe(
        `REACH_AGREEMENT is not possible while the case is ${status}`,
      );
    },
  );

  it('is reached by the handler, not by a supervisor', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('REACH_AGREEMENT', {}, ACTORS.supervisor)).toMatch(/grid worker/);
  });
});

describe('ESCALATE', () => {
  it.each([
    ['blue.mediating', ACTORS.gridWorker, 'yellow.awaitingAcceptance', 'blue', 'yellow'],
    ['blue.mediating', ACTORS.supervisor, 'yellow.awaitingAcceptance', 'blue', 'yellow'],
    ['yellow.awaitingAcceptance', ACTORS.judicialOfficer, 'red.convening', 'yellow', 'red'],
    ['yellow.jointReview', ACTORS.lawyer, 'red.convening', 'yellow', 'red'],
    ['yellow.jointReview', ACTORS.supervisor, 'red.convening', 'yellow', 'red'],
  ] as const)('from %s by %o goes to %s', (from, actor, to, fromTier, toTier) => {
    const c = caseIn(from);
    c.send('ESCALATE', { reason: 'needs legal judgement' }, actor);
    expect(summary(c)).toEqual({ status: to, tier: toTier, highest: toTier });
    expect(c.context.lastEscalation).toEqual({
      from: fromTier,
      to: toTier,
      reason: 'needs legal judgement',
      at: c.now,
      automatic: false,
    });
  });

  it.each(['red.convening', 'red.panelMediation'] as const)(
    'is not possible at red, the last tier (%s)',
    (status) => {
      expect(caseIn(status).refusal('ESCALATE', {}, ACTORS.supervisor)).toBe(
        `ESCALATE is not possible while the case is ${status}`,
      );
    },
  );

  it('clears an earlier acceptance when a case comes back to yellow.awaitingAcceptance', () => {
    const c = caseIn('yellow.jointReview');
    c.send('DOWNGRADE', {}, ACTORS.judicialOfficer);
    c.send('ESCALATE', {}, ACTORS.gridWorker);
    expect(c.status).toBe('yellow.awaitingAcceptance');
    expect(c.context.officerId).toBeNull();
    expect(c.context.lawyerId).toBeNull();
    // any officer of the street handles it again until someone accepts
    expect(c.attempt('ACCEPT', {}, ACTORS.secondJudicialOfficer).ok).toBe(true);
  });
});

describe('DOWNGRADE', () => {
  it.each([
    ['yellow.awaitingAcceptance', ACTORS.judicialOfficer, 'blue.mediating', 'blue', 'yellow'],
    ['yellow.jointReview', ACTORS.judicialOfficer, 'blue.mediating', 'blue', 'yellow'],
    ['yellow.jointReview', ACTORS.supervisor, 'blue.mediating', 'blue', 'yellow'],
    ['red.convening', ACTORS.policeMember, 'yellow.awaitingAcceptance', 'yellow', 'red'],
    ['red.panelMediation', ACTORS.courtMember, 'yellow.awaitingAcceptance', 'yellow', 'red'],
    ['red.panelMediation', ACTORS.supervisor, 'yellow.awaitingAcceptance', 'yellow', 'red'],
  ] as const)(
    'from %s by %o goes down to %s; the highest tier is remembered',
    (from, actor, to, tier, highest) => {
      const c = caseIn(from);
      c.send('DOWNGRADE', {}, actor);
      expect(summary(c)).toEqual({ status: to, tier, highest });
    },
  );

  it('is not possible at blue, the lowest tier', () => {
    expect(caseIn('blue.mediating').refusal('DOWNGRADE', {}, ACTORS.supervisor)).toBe(
      'DOWNGRADE is not possible while the case is blue.mediating',
    );
  });

  it('is the judicial officer’s call at yellow, not the lawyer’s (event table: judicial officer / panel, supervisor)', () => {
    const c = caseIn('yellow.jointReview');
    expect(c.refusal('DOWNGRADE', {}, ACTORS.lawyer)).toMatch(/judicial officer/);
    expect(c.status).toBe('yellow.jointReview');
  });

  it('puts a red case downgraded to yellow back into the hands of any officer of the street', () => {
    const c = caseIn('red.panelMediation');
    c.send('DOWNGRADE');
    expect(c.attempt('ACCEPT', {}, ACTORS.secondJudicialOfficer).ok).toBe(true);
    expect(c.refusal('WITHDRAW', {}, ACTORS.courtMember)).toMatch(/judicial officer of street/);
  });
});

describe('EMERGENCY_ESCALATE', () => {
  it.each([
    ['blue.mediating', ACTORS.communityPolice],
    ['blue.mediating', ACTORS.gridWorker],
    ['yellow.awaitingAcceptance', ACTORS.communityPolice],
    ['yellow.jointReview', ACTORS.supervisor],
    ['yellow.jointReview', ACTORS.lawyer],
  ] as const)('from %s by %o jumps straight to red.convening', (from, actor) => {
    const c = caseIn(from);
    const fromTier = c.view.tier;
    c.send('EMERGENCY_ESCALATE', {}, actor);
    expect(summary(c)).toEqual({ status: 'red.convening', tier: 'red', highest: 'red' });
    expect(c.context.lastEscalation).toMatchObject({ from: fromTier, to: 'red', automatic: false });
    expect(c.context.panel).toEqual([]);
  });

  it.each(['red.convening', 'red.panelMediation', 'agreed', 'followUp'] as const)(
    'is not possible from %s',
    (status) => {
      expect(caseIn(status).refusal('EMERGENCY_ESCALATE', {}, ACTORS.supervisor)).toMatch(
        /EMERGENCY_ESCALATE is not possible while the case is/,
      );
    },
  );
});

describe('REFER_TO_LITIGATION', () => {
  it('closes a red.panelMediation case as referred_to_litigation', () => {
    const c = caseIn('red.panelMediation');
    c.send('REFER_TO_LITIGATION', { reason: 'Li Wei wants a judgement' }, ACTORS.judicialMember);
    expect(c.status).toBe('closed');
    expect(c.view.outcome).toBe('referred_to_litigation');
    expect(c.context.closingReason).toBe('Li Wei wants a judgement');
    expect(c.view.timers).toEqual([]);
  });

  it('needs a convened panel: not possible in red.convening', () => {
    expect(caseIn('red.convening').refusal('REFER_TO_LITIGATION')).toBe(
      'REFER_TO_LITIGATION is not possible while the case is red.convening',
    );
  });
});

describe.each([
  ['WITHDRAW', 'withdrawn'],
  ['TRANSFER', 'transferred'],
  ['RECORD_REFUSAL', 'refused'],
] as const)('%s closes the case as %s', (type, outcome) => {
  // PML Art. 31: once the agreement is in effect, a withdrawal or refusal is non-performance
  // (law.spec.ts); only a transfer still closes those cases.
  const binding: readonly string[] = ['agreed', 'agreed.judicialConfirmation', 'followUp'];
  const from = [...OPEN_STATUSES, 'suspended'].filter(
    (s) => type === 'TRANSFER' || !binding.includes(s),
  ) as (typeof OPEN_STATUSES)[number][];
  it.each(from)('from %s', (status) => {
    const c = caseIn(status);
    const tier = c.view.tier;
    const highest = c.view.highestTier;
    const result = c.send(type);
    expect(result.status).toBe('closed');
    expect(result.outcome).toBe(outcome);
    expect(result.tier).toBe(tier);
    expect(result.highestTier).toBe(highest);
    expect(result.timers).toEqual([]);
    expect(result.state.context.pausedTimers).toEqual([]);
    expect(result.state.context.suspendedFrom).toBeNull();
  });
});

describe('closing records why', () => {
  it('a refusal records the party, the note and that the other routes were explained (Art. 26)', () => {
    const c = caseIn('yellow.jointReview');
    c.send('RECORD_REFUSAL', { partyId: WANG.id, note: 'Wang Fang prefers arbitration' });
    expect(c.context.refusal).toEqual({
      partyId: WANG.id,
      note: 'Wang Fang prefers arbitration',
      routesExplained: ['arbitration', 'administrative', 'litigation'],
    });
    expect(c.context.closingReason).toBe('Wang Fang prefers arbitration');
  });

  it('a withdrawal and a transfer keep their reason', () => {
    const w = caseIn('blue.mediating');
    w.send('WITHDRAW', { reason: 'settled privately' });
    expect(w.context.closingReason).toBe('settled privately');
    const t = caseIn('blue.mediating');
    t.send('TRANSFER', { reason: 'a criminal matter', agency: 'police station' });
    expect(t.context.closingReason).toBe('a criminal matter');
    expect(t.context.refusal).toBeNull();
  });
});

describe('outcomes', () => {
  it.each([
    ['resolved', 'blue', 'blue'],
    ['withdrawn', 'blue', 'blue'],
    ['refused', 'blue', 'blue'],
    ['transferred', 'blue', 'blue'],
    ['referred_to_litigation', 'red', 'red'],
    ['agreement_not_performed', 'red', 'red'],
  ] as const)(
    '%s is reachable and recorded with the tier it closed at',
    (outcome, tier, highest) => {
      const c = closedCase(outcome);
      expect(c.status).toBe('closed');
      expect(c.view.outcome).toBe(outcome);
      expect(c.view.tier).toBe(tier);
      expect(c.view.highestTier).toBe(highest);
    },
  );

  it('covers every outcome of the vocabulary', () => {
    const reached = new Set<Outcome>(OUTCOMES.map((o) => closedCase(o).view.outcome as Outcome));
    expect([...reached].sort()).toEqual([...OUTCOMES].sort());
  });

  it.each(EVENT_TYPES)('a closed case refuses %s and says to open a linked case', (type) => {
    const c = closedCase('resolved');
    const actor =
      type === 'DEADLINE_EXPIRED' || type === 'FOLLOW_UP_DUE' ? ACTORS.system : ACTORS.supervisor;
    expect(c.refusal(type, {}, actor)).toBe(
      `the case is closed: ${type} is not possible (open a new case linked to it)`,
    );
  });
});

describe('RECORD_FOLLOW_UP', () => {
  const partialTarget: Record<Tier, Status> = MEDIATING;
  const noneTarget: Record<Tier, Status> = {
    blue: 'yellow.awaitingAcceptance',
    yellow: 'red.convening',
    red: 'closed',
  };

  describe.each(['agreed', 'followUp'] as const)('from %s', (from) => {
    it.each(['blue', 'yellow', 'red'] as const)(
      'full performance at %s resolves the case',
      (tier) => {
        const c = caseIn(from, { tier });
        c.send('RECORD_FOLLOW_UP', { performed: 'full', note: 'all paid' });
        expect(summary(c)).toEqual({ status: 'closed', tier, highest: tier });
        expect(c.view.outcome).toBe('resolved');
        expect(c.context.agreement?.tier).toBe(tier);
        expect(c.view.timers).toEqual([]);
      },
    );

    it.each(['blue', 'yellow', 'red'] as const)(
      'partial performance at %s goes back to mediation at the same tier',
      (tier) => {
        const c = caseIn(from, { tier });
        c.send('RECORD_FOLLOW_UP', { performed: 'partial' });
        expect(summary(c)).toEqual({ status: partialTarget[tier], tier, highest: tier });
        expect(c.context.agreement).toBeNull();
        expect(c.view.outcome).toBeNull();
        // the handlers of that tier carry on: the officer / panel is kept
        expect(
          c.attempt(
            'REACH_AGREEMENT',
            {},
            ACTORS[
              tier === 'blue'
                ? 'gridWorker'
                : tier === 'yellow'
                  ? 'judicialOfficer'
                  : 'lawFirmMember'
            ],
          ).ok,
        ).toBe(true);
        // and the mediation deadline runs again from now
        expect(c.view.timers.find((t) => t.kind === 'deadline')?.scope).toBe(partialTarget[tier]);
      },
    );

    it.each(['blue', 'yellow'] as const)('no performance at %s escalates one tier', (tier) => {
      const c = caseIn(from, { tier });
      c.send('RECORD_FOLLOW_UP', { performed: 'none', note: 'nothing paid' });
      const up = tier === 'blue' ? 'yellow' : 'red';
      expect(summary(c)).toEqual({ status: noneTarget[tier], tier: up, highest: up });
      expect(c.context.lastEscalation).toMatchObject({
        from: tier,
        to: up,
        reason: 'the agreement was not performed',
        automatic: false,
      });
      expect(c.context.agreement).toBeNull();
    });

    it('no performance at red closes the case as agreement_not_performed', () => {
      const c = caseIn(from, { tier: 'red' });
      c.send('RECORD_FOLLOW_UP', { performed: 'none', note: 'nothing paid' });
      expect(summary(c)).toEqual({ status: 'closed', tier: 'red', highest: 'red' });
      expect(c.view.outcome).toBe('agreement_not_performed');
      expect(c.context.closingReason).toBe('nothing paid');
    });
  });

  it('is the agreement tier’s handler’s to record', () => {
    const c = caseIn('followUp', { tier: 'yellow' });
    expect(c.refusal('RECORD_FOLLOW_UP', {}, ACTORS.gridWorker)).toMatch(/judicial officer/);
    expect(c.refusal('RECORD_FOLLOW_UP', {}, ACTORS.supervisor)).toMatch(/judicial officer/);
  });

  it('is possible while judicial confirmation is pending', () => {
    const c = caseIn('agreed.judicialConfirmation');
    c.send('RECORD_FOLLOW_UP', { performed: 'full' });
    expect(c.view.outcome).toBe('resolved');
  });
});

describe('tier bookkeeping along a long path', () => {
  it('tracks the current and highest tier through escalation, downgrade, emergency and follow-up', () => {
    const c = new Case('blue');
    const trail: ReturnType<typeof summary>[] = [summary(c)];
    c.send('ESCALATE', {}, ACTORS.gridWorker);
    trail.push(summary(c));
    c.send('DOWNGRADE', {}, ACTORS.judicialOfficer);
    trail.push(summary(c));
    c.send('EMERGENCY_ESCALATE', {}, ACTORS.communityPolice);
    trail.push(summary(c));
    c.send('CONVENE_PANEL', {}, ACTORS.supervisor);
    trail.push(summary(c));
    c.send('DOWNGRADE', {}, ACTORS.courtMember);
    trail.push(summary(c));
    c.send('ACCEPT', {}, ACTORS.judicialOfficer);
    trail.push(summary(c));
    c.send('REACH_AGREEMENT', {}, ACTORS.judicialOfficer);
    trail.push(summary(c));
    c.send('RECORD_FOLLOW_UP', { performed: 'full' }, ACTORS.judicialOfficer);
    trail.push(summary(c));
    expect(trail).toEqual([
      { status: 'blue.mediating', tier: 'blue', highest: 'blue' },
      { status: 'yellow.awaitingAcceptance', tier: 'yellow', highest: 'yellow' },
      { status: 'blue.mediating', tier: 'blue', highest: 'yellow' },
      { status: 'red.convening', tier: 'red', highest: 'red' },
      { status: 'red.panelMediation', tier: 'red', highest: 'red' },
      { status: 'yellow.awaitingAcceptance', tier: 'yellow', highest: 'red' },
      { status: 'yellow.jointReview', tier: 'yellow', highest: 'red' },
      { status: 'agreed', tier: 'yellow', highest: 'red' },
      { status: 'closed', tier: 'yellow', highest: 'red' },
    ]);
    expect(c.view.outcome).toBe('resolved');
  });

  it('a blue agreement that is never performed climbs to red and closes there', () => {
    const c = caseIn('agreed', { tier: 'blue' });
    c.send('RECORD_FOLLOW_UP', { performed: 'none' });
    c.send('ACCEPT', {}, ACTORS.judicialOfficer);
    c.send('REACH_AGREEMENT');
    c.send('RECORD_FOLLOW_UP', { performed: 'none' });
    expect(summary(c)).toEqual({ status: 'red.convening', tier: 'red', highest: 'red' });
    c.send('CONVENE_PANEL', {}, ACTORS.supervisor);
    c.send('REACH_AGREEMENT');
    c.fire('follow_up');
    c.send('RECORD_FOLLOW_UP', { performed: 'none' });
    expect(c.view.outcome).toBe('agreement_not_performed');
  });
});

describe('SUSPEND and RESUME', () => {
  const byKind = (timers: TimerEntry[]) =>
    Object.fromEntries(timers.map((t) => [t.kind, { dueAt: t.dueAt, scope: t.scope }]));

  it.each(OPEN_STATUSES)(
    'from %s: resumes to the same status with the time that was left on its timers',
    (status) => {
      const c = caseIn(status);
      const before = c.view.timers;
      const suspendMinute = c.minute + 2 * HOUR;
      c.clock(suspendMinute - 10);
      c.send('SUSPEND', { reason: 'Li Wei is in hospital' });
      expect(c.status).toBe('suspended');
      // Only the Art. 33 confirmation window runs on through a suspension: it is a legal date.
      const running = before.filter((t) => t.kind.startsWith('confirmation_'));
      const paused = before.filter((t) => !t.kind.startsWith('confirmation_'));
      expect(c.view.timers).toEqual(running);
      expect(c.last?.cancelled.map((t) => t.id).sort()).toEqual(paused.map((t) => t.id).sort());
      expect(c.context.suspendedFrom).toBe(status);

      const pause = 5 * DAY;
      c.clock(c.minute + pause - 10);
      c.send('RESUME');
      expect(c.status).toBe(status);
      expect(c.context.suspendedFrom).toBeNull();

      // every timer is back, due exactly as much later as the case was suspended
      const shifted = Object.fromEntries([
        ...paused.map((t) => [t.kind, { dueAt: plus(t.dueAt, pause * 60_000), scope: t.scope }]),
        ...running.map((t) => [t.kind, { dueAt: t.dueAt, scope: t.scope }]),
      ]);
      expect(byKind(c.view.timers)).toEqual(shifted);
      // under new ids: a job scheduled for the old visit can no longer fire
      const resumed = c.view.timers.filter((t) => !running.includes(t));
      for (const t of resumed) expect(before.map((b) => b.id)).not.toContain(t.id);
      expect(c.last?.armed.map((t) => t.id).sort()).toEqual(resumed.map((t) => t.id).sort());
    },
  );

  it('keeps what the case had: the accepting officer, the panel and the agreement', () => {
    const yellow = caseIn('suspended', { from: 'yellow.jointReview' });
    yellow.send('RESUME');
    expect(yellow.context.officerId).toBe(ACTORS.judicialOfficer.id);

    const red = caseIn('suspended', { from: 'red.panelMediation' });
    red.send('RESUME');
    expect(red.context.panel).toEqual(FULL_PANEL);

    const agreed = caseIn('suspended', { from: 'agreed.judicialConfirmation', tier: 'yellow' });
    const agreement = agreed.context.agreement;
    agreed.send('RESUME');
    expect(agreed.status).toBe('agreed.judicialConfirmation');
    expect(agreed.context.agreement).toEqual(agreement);
    expect(agreement?.confirmation).toBe('pending');
  });

  it('drops reminders that had already come due, keeps deadlines that had', () => {
    const c = caseIn('blue.mediating');
    c.clock(2.5 * DAY); // past the 80 % reminder (day 2.4), before the deadline (day 3)
    c.send('SUSPEND', {}, undefined, 0);
    expect(c.context.pausedTimers.map((t) => [t.kind, t.remainingMs])).toEqual([
      ['deadline', 0.5 * DAY_MS],
    ]);
    c.send('RESUME', {}, undefined, 1 * DAY);
    expect(c.view.timers.map((t) => [t.kind, t.dueAt])).toEqual([
      ['deadline', at(3.5 * DAY + 0.5 * DAY)],
    ]);
  });

  it('a deadline that passed while the job was late still fires after resuming', () => {
    const c = caseIn('blue.mediating');
    c.clock(4 * DAY); // the deadline (day 3) passed but DEADLINE_EXPIRED was not processed
    c.send('SUSPEND', {}, undefined, 0);
    c.send('RESUME', {}, undefined, DAY);
    const deadline = c.view.timers.find((t) => t.kind === 'deadline');
    expect(deadline?.dueAt).toBe(c.now);
    c.fire('deadline');
    expect(c.status).toBe('yellow.awaitingAcceptance');
  });

  it('cannot suspend twice, nor resume a case that is not suspended', () => {
    const s = caseIn('suspended');
    expect(s.refusal('SUSPEND')).toBe('SUSPEND is not possible while the case is suspended');
    expect(caseIn('blue.mediating').refusal('RESUME')).toBe(
      'RESUME is not possible while the case is blue.mediating',
    );
  });

  it('refuses a suspension without a reason', () => {
    expect(caseIn('red.convening').refusal('SUSPEND', { reason: '  ' })).toBe(
      'a reason is required',
    );
  });
});

describe('EXTEND_DEADLINE', () => {
  const DEADLINE_STATES = [
    'blue.mediating',
    'yellow.awaitingAcceptance',
    'yellow.jointReview',
    'red.convening',
    'red.panelMediation',
  ] as const;

  it.each(DEADLINE_STATES)('in %s moves the deadline and its reminder, staying put', (status) => {
    const c = caseIn(status);
    const old = c.view.timers;
    const oldDeadline = old.find((t) => t.kind === 'deadline') as TimerEntry;
    const until = plus(oldDeadline.dueAt, 4 * DAY_MS);
    const result = c.send('EXTEND_DEADLINE', { until });
    expect(result.status).toBe(status);
    const deadline = result.timers.find((t) => t.kind === 'deadline');
    const reminder = result.timers.find((t) => t.kind === 'reminder');
    expect(deadline).toMatchObject({ dueAt: until, scope: status, fires: 'DEADLINE_EXPIRED' });
    const reminderDue =
      Date.parse(c.now) + Math.round((Date.parse(until) - Date.parse(c.now)) * 0.8);
    expect(reminder).toMatchObject({
      dueAt: new Date(reminderDue).toISOString(),
      remindsOf: deadline?.id,
    });
    expect(result.cancelled.map((t) => t.id).sort()).toEqual(old.map((t) => t.id).sort());
    expect(result.armed.map((t) => t.kind).sort()).toEqual(['deadline', 'reminder']);
    // the old deadline's job is now stale
    expect(c.refusal('DEADLINE_EXPIRED', { timerId: oldDeadline.id }, ACTORS.system)).toMatch(
      /no longer armed/,
    );
  });

  it('re-arms an expired red deadline and clears the overdue flag', () => {
    const c = caseIn('red.panelMediation');
    c.fire('deadline');
    expect(c.view.overdue).toBe(true);
    expect(c.view.timers).toEqual([]);
    const until = plus(c.now, 10 * DAY_MS);
    c.send('EXTEND_DEADLINE', { until }, ACTORS.supervisor);
    expect(c.view.overdue).toBe(false);
    expect(c.view.timers.find((t) => t.kind === 'deadline')?.dueAt).toBe(until);
    expect(c.status).toBe('red.panelMediation');
  });

  it('is not possible where there is no deadline', () => {
    for (const status of ['agreed', 'followUp', 'suspended'] as const) {
      expect(caseIn(status).refusal('EXTEND_DEADLINE', {}, ACTORS.supervisor)).toBe(
        `EXTEND_DEADLINE is not possible while the case is ${status}`,
      );
    }
  });
});

describe('DEADLINE_EXPIRED', () => {
  it('at blue escalates automatically to yellow.awaitingAcceptance', () => {
    const c = caseIn('blue.mediating');
    const result = c.fire('deadline');
    expect(summary(c)).toEqual({
      status: 'yellow.awaitingAcceptance',
      tier: 'yellow',
      highest: 'yellow',
    });
    expect(c.context.lastEscalation).toEqual({
      from: 'blue',
      to: 'yellow',
      reason: 'the deadline passed',
      at: at(3 * DAY),
      automatic: true,
    });
    expect(result.armed.map((t) => t.scope)).toEqual([
      'yellow.awaitingAcceptance',
      'yellow.awaitingAcceptance',
    ]);
  });

  it('at yellow.jointReview escalates automatically to red.convening', () => {
    const c = caseIn('yellow.jointReview');
    c.fire('deadline');
    expect(summary(c)).toEqual({ status: 'red.convening', tier: 'red', highest: 'red' });
    expect(c.context.lastEscalation).toMatchObject({ from: 'yellow', to: 'red', automatic: true });
    expect(c.view.overdue).toBe(false);
  });

  it.each(['yellow.awaitingAcceptance', 'red.convening', 'red.panelMediation'] as const)(
    'at %s flags the case overdue and keeps it where it is',
    (status) => {
      const c = caseIn(status);
      const result = c.fire('deadline');
      expect(result.status).toBe(status);
      expect(result.overdue).toBe(true);
      expect(result.timers).toEqual([]);
      expect(c.context.lastEscalation).toBeNull();
    },
  );

  it('the overdue flag goes when the case moves on', () => {
    const c = caseIn('red.convening');
    c.fire('deadline');
    c.send('CONVENE_PANEL', {}, ACTORS.supervisor);
    expect(c.view.overdue).toBe(false);
    const y = caseIn('yellow.awaitingAcceptance');
    y.fire('deadline');
    y.send('ACCEPT', {}, ACTORS.judicialOfficer);
    expect(y.view.overdue).toBe(false);
  });

  it('a timer that fires twice changes nothing the second time', () => {
    const c = caseIn('red.convening');
    const timer = c.view.timers.find((t) => t.kind === 'deadline') as TimerEntry;
    c.fire('deadline');
    expect(c.refusal('DEADLINE_EXPIRED', { timerId: timer.id }, ACTORS.system)).toBe(
      `timer ${timer.id} is no longer armed: the case has moved on`,
    );
  });

  it('a deadline of an earlier visit is refused after the case left and came back', () => {
    const c = caseIn('blue.mediating');
    const first = c.view.timers.find((t) => t.kind === 'deadline') as TimerEntry;
    c.send('ESCALATE');
    c.send('DOWNGRADE', {}, ACTORS.judicialOfficer);
    expect(c.status).toBe('blue.mediating');
    expect(c.refusal('DEADLINE_EXPIRED', { timerId: first.id }, ACTORS.system)).toMatch(
      /no longer armed: the case has moved on/,
    );
    expect(c.status).toBe('blue.mediating');
  });

  it('a reminder id is not a deadline', () => {
    const c = caseIn('blue.mediating');
    const reminder = c.view.timers.find((t) => t.kind === 'reminder') as TimerEntry;
    expect(c.refusal('DEADLINE_EXPIRED', { timerId: reminder.id }, ACTORS.system)).toMatch(
      /no longer armed/,
    );
  });
});

describe('FOLLOW_UP_DUE', () => {
  it('moves agreed to followUp at performance due + 7 days; the Art. 33 window keeps running', () => {
    const c = caseIn('blue.mediating');
    const due = plus(c.now, 10 * DAY_MS);
    c.send('REACH_AGREEMENT', { performanceDueAt: due });
    const agreedTimers = c.view.timers;
    const followUp = agreedTimers.find((t) => t.kind === 'follow_up') as TimerEntry;
    expect(followUp.dueAt).toBe(plus(due, 7 * DAY_MS));
    const result = c.fire('follow_up');
    expect(result.status).toBe('followUp');
    // Machine version 3 (PML Art. 33): the window runs on its own, through the follow-up visit.
    expect(result.timers.map((t) => t.kind).sort()).toEqual([
      'confirmation_reminder',
      'confirmation_window',
    ]);
    expect(result.cancelled).toEqual([]);
  });

  it('is refused once the case has left agreed', () => {
    const c = caseIn('agreed');
    const timer = c.view.timers.find((t) => t.kind === 'follow_up') as TimerEntry;
    c.send('RECORD_FOLLOW_UP', { performed: 'partial' });
    expect(c.refusal('FOLLOW_UP_DUE', { timerId: timer.id }, ACTORS.system)).toBe(
      'FOLLOW_UP_DUE is not possible while the case is blue.mediating',
    );
  });

  it('is refused with a stale id from a previous agreement', () => {
    const c = caseIn('agreed');
    const timer = c.view.timers.find((t) => t.kind === 'follow_up') as TimerEntry;
    c.send('RECORD_FOLLOW_UP', { performed: 'partial' });
    c.send('REACH_AGREEMENT');
    expect(c.refusal('FOLLOW_UP_DUE', { timerId: timer.id }, ACTORS.system)).toMatch(
      /no longer armed/,
    );
  });
});

describe('judicial confirmation (Art. 33)', () => {
  it('inside the 30-day window the handler requests it and the court member records it', () => {
    const c = caseIn('agreed', { tier: 'red' });
    const followUp = c.view.timers.find((t) => t.kind === 'follow_up');
    c.clock(c.minute + 29 * DAY);
    c.send('REQUEST_JUDICIAL_CONFIRMATION', {}, ACTORS.policeMember);
    expect(c.status).toBe('agreed.judicialConfirmation');
    expect(c.context.agreement?.confirmation).toBe('pending');
    c.send('RECORD_CONFIRMATION', { confirmed: true }, ACTORS.courtMember);
    expect(c.status).toBe('agreed');
    expect(c.context.agreement?.confirmation).toBe('confirmed');
    // staying within `agreed` keeps its timers as they were
    expect(c.view.timers.find((t) => t.kind === 'follow_up')).toEqual(followUp);
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION', {}, ACTORS.policeMember)).toBe(
      'the agreement is already confirmed',
    );
  });

  it('a rejected confirmation is recorded; the parties vary the agreement or sue (PML Art. 33(3))', () => {
    const c = caseIn('agreed.judicialConfirmation', { tier: 'yellow' });
    c.send('RECORD_CONFIRMATION', { confirmed: false, note: 'terms unclear' }, ACTORS.supervisor);
    expect(c.context.agreement?.confirmation).toBe('refused');
    expect(c.context.agreement?.result?.result).toBe('rejected');
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION')).toMatch(
      /change the agreement by mediation or sue/,
    );
  });

  it('an application the court did not accept may be made again within the window', () => {
    const c = caseIn('agreed.judicialConfirmation', { tier: 'yellow' });
    c.send(
      'RECORD_CONFIRMATION',
      { confirmed: false, result: 'not_accepted', note: 'wrong court' },
      ACTORS.supervisor,
    );
    expect(c.context.agreement?.confirmation).toBe('refused');
    expect(c.attempt('REQUEST_JUDICIAL_CONFIRMATION').ok).toBe(true);
  });

  it('on the last instant of the window it is still possible; after it, it is refused', () => {
    const c = caseIn('agreed');
    const ends = c.context.agreement?.confirmationWindowEndsAt as string;
    const endMinute = (Date.parse(ends) - Date.parse(at(0))) / 60_000;
    c.clock(endMinute);
    expect(c.attempt('REQUEST_JUDICIAL_CONFIRMATION', {}, undefined, 0).ok).toBe(true);
    expect(c.refusal('REQUEST_JUDICIAL_CONFIRMATION', {}, undefined, 1)).toBe(
      `outside the 30-day window: judicial confirmation had to be requested by ${ends}`,
    );
    expect(c.status).toBe('agreed');
  });

  it('RECORD_CONFIRMATION only while a confirmation is pending', () => {
    expect(caseIn('agreed').refusal('RECORD_CONFIRMATION', {}, ACTORS.courtMember)).toBe(
      'RECORD_CONFIRMATION is not possible while the case is agreed',
    );
  });
});

describe('RECORD_REFUSAL', () => {
  it('a refusal must name a party of the case', () => {
    const c = caseIn('blue.mediating');
    expect(c.refusal('RECORD_REFUSAL', { partyId: 'party-zhou' })).toBe(
      'party-zhou is not a party',
    );
    c.send('RECORD_REFUSAL', { partyId: LI.id });
    expect(c.context.refusal?.partyId).toBe(LI.id);
  });
});
