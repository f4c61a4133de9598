/**
 * Timers as data (DESIGN.md §5): what each state arms, when it is due, what leaving cancels,
 * reminders at REMINDER_RATIO, and the pause / resume / extend arithmetic.
 */
import type { Status } from './domain';
import { disputeMachine } from './machine';
import {
  confirmationWindowStart,
  armTimers,
  currentDeadline,
  DEFAULT_POLICY,
  disarmTimers,
  dropTimer,
  extendDeadline,
  pauseTimers,
  resumeTimers,
  STATE_TIMERS,
  type TimedState,
  type TimerEntry,
  type WorkflowPolicy,
} from './timers';
import { ACTORS, at, Case, caseIn, DAY, DAY_MS, HOUR, plus } from './testing/fixtures';

const SECOND = 1000;
const empty = { timers: [] as TimerEntry[], pausedTimers: [], timerSeq: 0 };
const TIMED_STATES = Object.keys(STATE_TIMERS) as TimedState[];

/** A policy shrunk to seconds, as tests and demos configure it (`PT5S`...). */
const FAST: WorkflowPolicy = {
  durations: {
    DEADLINE_BLUE_MEDIATION: 30 * SECOND,
    DEADLINE_YELLOW_ACCEPTANCE: 10 * SECOND,
    DEADLINE_YELLOW_REVIEW: 60 * SECOND,
    DEADLINE_RED_CONVENING: 20 * SECOND,
    DEADLINE_RED_MEDIATION: 90 * SECOND,
    FOLLOW_UP_DELAY: 15 * SECOND,
    CONFIRMATION_WINDOW: 45 * SECOND,
  },
  reminderRatio: 0.5,
};

describe('the default policy is the one of DESIGN.md §5', () => {
  it('has the documented durations and an 80 % reminder', () => {
    expect(DEFAULT_POLICY).toEqual({
      durations: {
        DEADLINE_BLUE_MEDIATION: 3 * DAY_MS,
        DEADLINE_YELLOW_ACCEPTANCE: 1 * DAY_MS,
        DEADLINE_YELLOW_REVIEW: 15 * DAY_MS,
        DEADLINE_RED_CONVENING: 3 * DAY_MS,
        DEADLINE_RED_MEDIATION: 30 * DAY_MS,
        FOLLOW_UP_DELAY: 7 * DAY_MS,
        CONFIRMATION_WINDOW: 30 * DAY_MS,
      },
      reminderRatio: 0.8,
    });
  });

  it('declares a deadline for every mediation state and follow-up plus window for agreed', () => {
    const summary = Object.fromEntries(
      TIMED_STATES.map((s) => [s, STATE_TIMERS[s].map((d) => `${d.kind}:${d.setting}:${d.fires}`)]),
    );
    expect(summary).toEqual({
      'blue.mediating': ['deadline:DEADLINE_BLUE_MEDIATION:DEADLINE_EXPIRED'],
      'yellow.awaitingAcceptance': ['deadline:DEADLINE_YELLOW_ACCEPTANCE:DEADLINE_EXPIRED'],
      'yellow.jointReview': ['deadline:DEADLINE_YELLOW_REVIEW:DEADLINE_EXPIRED'],
      'red.convening': ['deadline:DEADLINE_RED_CONVENING:DEADLINE_EXPIRED'],
      'red.panelMediation': ['deadline:DEADLINE_RED_MEDIATION:DEADLINE_EXPIRED'],
      agreed: [
        'follow_up:FOLLOW_UP_DELAY:FOLLOW_UP_DUE',
        'confirmation_window:CONFIRMATION_WINDOW:null',
      ],
    });
  });

  it('the statechart carries the same declarations as state meta (for the diagram)', () => {
    for (const state of TIMED_STATES) {
      const node = disputeMachine.getStateNodeById(`dispute.${state}`);
      expect(node.meta).toEqual({ timers: STATE_TIMERS[state] });
    }
  });
});

describe('armTimers', () => {
  it.each([
    ['blue.mediating', 3 * DAY_MS],
    ['yellow.awaitingAcceptance', 1 * DAY_MS],
    ['yellow.jointReview', 15 * DAY_MS],
    ['red.convening', 3 * DAY_MS],
    ['red.panelMediation', 30 * DAY_MS],
  ] as const)('%s: a deadline after its duration and a reminder at 80 %% of it', (state, ms) => {
    const book = armTimers({ ...empty, timerSeq: 4 }, state, at(0), DEFAULT_POLICY);
    expect(book.timerSeq).toBe(6);
    expect(book.timers).toEqual([
      {
        id: 't5',
        kind: 'deadline',
        scope: state,
        setting: STATE_TIMERS[state][0]?.setting,
        dueAt: plus(at(0), ms),
        fires: 'DEADLINE_EXPIRED',
        remindsOf: null,
      },
      {
        id: 't6',
        kind: 'reminder',
        scope: state,
        setting: STATE_TIMERS[state][0]?.setting,
        dueAt: plus(at(0), Math.round(ms * 0.8)),
        fires: null,
        remindsOf: 't5',
      },
    ]);
  });

  it('agreed: follow-up 7 days after agreement, window 30 days with a reminder at day 25', () => {
    const book = armTimers(empty, 'agreed', at(0), DEFAULT_POLICY);
    expect(book.timers.map((t) => [t.id, t.kind, t.dueAt, t.fires, t.remindsOf])).toEqual([
      ['t1', 'follow_up', at(7 * DAY), 'FOLLOW_UP_DUE', null],
      // PML Art. 33 in calendar days from the next day, China time (T0 is 08:00 there)
      ['t2', 'confirmation_window', at(30 * DAY + 16 * HOUR), null, null],
      ['t3', 'confirmation_reminder', at(25 * DAY + 16 * HOUR), null, 't2'],
    ]);
  });

  it('agreed: follow-up 7 days after performance is due, when a due date was agreed', () => {
    const book = armTimers(empty, 'agreed', at(0), DEFAULT_POLICY, at(20 * DAY));
    expect(book.timers.find((t) => t.kind === 'follow_up')?.dueAt).toBe(at(27 * DAY));
    // the Art. 33 window still counts from the agreement
    expect(book.timers.find((t) => t.kind === 'confirmation_window')?.dueAt).toBe(
      at(30 * DAY + 16 * HOUR),
    );
  });

  it('counts only the timers declared from the performance date from it, whatever it is given', () => {
    const book = armTimers(empty, 'blue.mediating', at(0), DEFAULT_POLICY, at(20 * DAY));
    expect(book.timers.find((t) => t.kind === 'deadline')?.dueAt).toBe(at(3 * DAY));
  });

  it('follows a shrunk policy and its reminder ratio', () => {
    const book = armTimers(empty, 'red.panelMediation', at(0), FAST);
    expect(book.timers.map((t) => t.dueAt)).toEqual([
      plus(at(0), 90 * SECOND),
      plus(at(0), 45 * SECOND),
    ]);
  });

  it('keeps timers it did not arm', () => {
    const first = armTimers(empty, 'blue.mediating', at(0), DEFAULT_POLICY);
    const both = armTimers(first, 'agreed', at(5), DEFAULT_POLICY);
    expect(both.timers.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });
});

describe('confirmationWindowStart (PML Art. 33)', () => {
  // 2026-12-01 03:00 UTC is 11:00 in China; the next midnight there is 2026-12-01 16:00 UTC.
  const agreedAt = '2026-12-01T03:00:00.000Z';
  it('counts a window of whole days from the next midnight in China', () => {
    expect(new Date(confirmationWindowStart(agreedAt, 30 * DAY_MS)).toISOString()).toBe(
      '2026-12-01T16:00:00.000Z',
    );
  });
  it('runs a window in hours or seconds (tests, demos) from the instant itself', () => {
    expect(confirmationWindowStart(agreedAt, 30_000)).toBe(Date.parse(agreedAt));
    expect(confirmationWindowStart(agreedAt, DAY_MS + 1)).toBe(Date.parse(agreedAt));
  });
});

describe('disarm, drop, current deadline', () => {
  const book = armTimers(
    armTimers(empty, 'blue.mediating', at(0), DEFAULT_POLICY),
    'agreed',
    at(0),
    DEFAULT_POLICY,
  );

  it('disarmTimers removes exactly the timers of that state', () => {
    expect(disarmTimers(book, 'blue.mediating').timers.map((t) => t.scope)).toEqual([
      'agreed',
      'agreed',
      'agreed',
    ]);
    expect(disarmTimers(book, 'red.convening').timers).toEqual(book.timers);
  });

  it('dropTimer removes a timer and its own reminder, nothing else', () => {
    expect(dropTimer(book, 't1').timers.map((t) => t.id)).toEqual(['t3', 't4', 't5']);
    expect(dropTimer(book, 't4').timers.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(dropTimer(book, 't3').timers.map((t) => t.id)).toEqual(['t1', 't2', 't4', 't5']);
  });

  it('currentDeadline finds the armed deadline', () => {
    expect(currentDeadline(book)?.id).toBe('t1');
    expect(currentDeadline(disarmTimers(book, 'blue.mediating'))).toBeUndefined();
  });
});

describe('pause and resume', () => {
  const armed = armTimers(empty, 'blue.mediating', at(0), DEFAULT_POLICY); // due day 3, reminder day 2.4

  it('pausing keeps the time left on each clock and stops them all', () => {
    const paused = pauseTimers(armed, at(1 * DAY));
    expect(paused.timers).toEqual([]);
    expect(paused.pausedTimers.map((t) => [t.id, t.remainingMs])).toEqual([
      ['t1', 2 * DAY_MS],
      ['t2', 33.6 * 3_600_000], // 1.4 days
    ]);
  });

  it('resuming re-arms under new ids with the same time left, reminders pointing at the new deadline', () => {
    const resumed = resumeTimers(pauseTimers(armed, at(1 * DAY)), at(11 * DAY));
    expect(resumed.pausedTimers).toEqual([]);
    expect(resumed.timers.map((t) => [t.id, t.kind, t.dueAt, t.remindsOf])).toEqual([
      ['t3', 'deadline', at(13 * DAY), null],
      ['t4', 'reminder', at(12.4 * DAY), 't3'],
    ]);
    expect(resumed.timerSeq).toBe(4);
  });

  it('a reminder already past is spent; a deadline already past is kept with no time left', () => {
    const paused = pauseTimers(armed, at(5 * DAY));
    expect(paused.pausedTimers.map((t) => [t.kind, t.remainingMs])).toEqual([['deadline', 0]]);
    const resumed = resumeTimers(paused, at(6 * DAY));
    expect(resumed.timers.map((t) => [t.kind, t.dueAt])).toEqual([['deadline', at(6 * DAY)]]);
  });

  it('round trip: the deadline moves by exactly the length of the suspension', () => {
    for (const [from, to] of [
      [0, 1],
      [HOUR, 3 * DAY],
      [2 * DAY, 2 * DAY + 1],
    ] as const) {
      const resumed = resumeTimers(pauseTimers(armed, at(from)), at(to));
      expect(currentDeadline(resumed)?.dueAt).toBe(at(3 * DAY + (to - from)));
    }
  });
});

describe('extendDeadline', () => {
  const armed = armTimers(empty, 'yellow.jointReview', at(0), DEFAULT_POLICY);

  it('replaces the deadline and its reminder; the new reminder is at the ratio of the time now left', () => {
    const book = extendDeadline(
      armed,
      'yellow.jointReview',
      { until: at(20 * DAY) },
      at(10 * DAY),
      DEFAULT_POLICY,
    );
    expect(book.timers.map((t) => [t.id, t.kind, t.dueAt, t.remindsOf, t.scope])).toEqual([
      ['t3', 'deadline', at(20 * DAY), null, 'yellow.jointReview'],
      ['t4', 'reminder', at(18 * DAY), 't3', 'yellow.jointReview'],
    ]);
  });

  it('re-arms a deadline that already fired', () => {
    const fired = dropTimer(armTimers(empty, 'red.convening', at(0), DEFAULT_POLICY), 't1');
    expect(fired.timers).toEqual([]);
    const book = extendDeadline(
      fired,
      'red.convening',
      { until: at(5 * DAY) },
      at(4 * DAY),
      DEFAULT_POLICY,
    );
    expect(book.timers.map((t) => [t.kind, t.dueAt, t.fires])).toEqual([
      ['deadline', at(5 * DAY), 'DEADLINE_EXPIRED'],
      ['reminder', at(4 * DAY + 0.8 * DAY), null],
    ]);
  });

  describe('by working time, where no business calendar is given (calendar days and hours)', () => {
    const deadline = armed.timers.find((t) => t.kind === 'deadline')!;
    const now = at(1 * DAY);
    const extendBy = (book: typeof armed, by: string) =>
      extendDeadline(book, 'yellow.jointReview', { by }, now, DEFAULT_POLICY);
    const expected = (ms: number) => {
      const end = Date.parse(deadline.dueAt) + ms;
      const start = Date.parse(now);
      const reminder = start + Math.round((end - start) * DEFAULT_POLICY.reminderRatio);
      return [
        ['deadline', new Date(end).toISOString()],
        ['reminder', new Date(reminder).toISOString()],
      ];
    };
    const kindsAndDues = (book: typeof armed) => book.timers.map((t) => [t.kind, t.dueAt]);

    it('moves the current deadline on by whole days for WD, by hours for WH', () => {
      expect(kindsAndDues(extendBy(armed, '3WD'))).toEqual(expected(3 * DAY_MS));
      expect(kindsAndDues(extendBy(armed, '5WH'))).toEqual(expected(5 * 3_600_000));
    });

    it('counts from the deadline, not from its reminder, whatever order they are stored in', () => {
      const reversed = { ...armed, timers: [...armed.timers].reverse() };
      expect(reversed.timers[0]?.kind).toBe('reminder');
      expect(kindsAndDues(extendBy(reversed, '3WD'))).toEqual(expected(3 * DAY_MS));
    });

    it('refuses a span that is not working time, naming it', () => {
      expect(() => extendBy(armed, '3 weeks')).toThrow(
        'EXTEND_DEADLINE by 3 weeks is not working time',
      );
    });
  });

  it('does nothing in a state without a deadline', () => {
    const agreed = armTimers(empty, 'agreed', at(0), DEFAULT_POLICY);
    expect(
      extendDeadline(agreed, 'agreed', { until: at(40 * DAY) }, at(1), DEFAULT_POLICY),
    ).toEqual(agreed);
  });
});

describe('timers through the engine', () => {
  const expectDeclared = (
    armed: TimerEntry[],
    state: TimedState,
    from: string,
    policy = DEFAULT_POLICY,
  ) => {
    const expected: [string, string, string][] = [];
    for (const d of STATE_TIMERS[state]) {
      const ms = policy.durations[d.setting];
      // The Art. 33 window counts calendar days from the next day (China time).
      const start =
        d.kind === 'confirmation_window'
          ? new Date(confirmationWindowStart(from, ms)).toISOString()
          : from;
      expected.push([d.kind, d.setting, plus(start, ms)]);
      if (d.reminder !== null) {
        const ratio = d.reminder === 'policy' ? policy.reminderRatio : d.reminder;
        expected.push([
          d.kind === 'deadline' ? 'reminder' : 'confirmation_reminder',
          d.setting,
          plus(start, Math.round(ms * ratio)),
        ]);
      }
    }
    expect(armed.map((t) => [t.kind, t.setting, t.dueAt])).toEqual(expected);
    expect(new Set(armed.map((t) => t.scope))).toEqual(new Set([state]));
  };

  it.each([FAST, DEFAULT_POLICY])(
    'entering each timed state arms what it declares, counted from the event (policy %#)',
    (policy) => {
      const entries: [Status, Case][] = [
        ['blue.mediating', caseIn('blue.mediating', { policy })],
        ['yellow.awaitingAcceptance', caseIn('blue.mediating', { policy })],
        ['yellow.jointReview', caseIn('yellow.awaitingAcceptance', { policy })],
        ['red.convening', caseIn('yellow.jointReview', { policy })],
        ['red.panelMediation', caseIn('red.convening', { policy })],
        ['agreed', caseIn('red.panelMediation', { policy })],
      ];
      const enter: Record<string, (c: Case) => void> = {
        'yellow.awaitingAcceptance': (c) => c.send('ESCALATE'),
        'yellow.jointReview': (c) => c.send('ACCEPT'),
        'red.convening': (c) => c.send('ESCALATE'),
        'red.panelMediation': (c) => c.send('CONVENE_PANEL'),
        agreed: (c) => c.send('REACH_AGREEMENT'),
      };
      for (const [state, c] of entries) {
        if (state === 'blue.mediating') {
          expectDeclared(c.view.timers, state, at(0), policy);
          continue;
        }
        enter[state]?.(c);
        expect(c.status).toBe(state);
        expectDeclared(c.last?.armed ?? [], state as TimedState, c.now, policy);
        expect(c.view.timers).toEqual(c.last?.armed);
      }
    },
  );

  it.each<[Status, string, (c: Case) => void]>([
    ['blue.mediating', 'ESCALATE', (c) => c.send('ESCALATE')],
    ['blue.mediating', 'REACH_AGREEMENT', (c) => c.send('REACH_AGREEMENT')],
    ['yellow.awaitingAcceptance', 'ACCEPT', (c) => c.send('ACCEPT')],
    ['yellow.jointReview', 'DOWNGRADE', (c) => c.send('DOWNGRADE')],
    ['red.convening', 'CONVENE_PANEL', (c) => c.send('CONVENE_PANEL')],
    ['red.panelMediation', 'WITHDRAW', (c) => c.send('WITHDRAW')],
    ['agreed', 'RECORD_FOLLOW_UP', (c) => c.send('RECORD_FOLLOW_UP', { performed: 'partial' })],
  ])('leaving %s with %s cancels every timer of its visit', (status, _event, leave) => {
    const c = caseIn(status);
    const before = c.view.timers;
    expect(before.length).toBeGreaterThan(0);
    leave(c);
    expect(c.last?.cancelled).toEqual(before);
    for (const t of c.view.timers) expect(t.scope).not.toBe(status);
  });

  it('suspending an agreed case pauses the follow-up but not the Art. 33 confirmation window', () => {
    const c = caseIn('agreed');
    const before = c.view.timers;
    c.send('SUSPEND');
    expect(c.last?.cancelled.map((t) => t.kind)).toEqual(['follow_up']);
    expect(c.view.timers.map((t) => t.kind).sort()).toEqual([
      'confirmation_reminder',
      'confirmation_window',
    ]);
    expect(c.view.timers.map((t) => t.dueAt).sort()).toEqual(
      before
        .filter((t) => t.kind !== 'follow_up')
        .map((t) => t.dueAt)
        .sort(),
    );
  });

  it('a deadline that fires is spent, not cancelled; its reminder is cancelled with the state', () => {
    const c = caseIn('blue.mediating');
    const [deadline, reminder] = c.view.timers;
    const result = c.fire('deadline');
    expect(result.cancelled).toEqual([reminder]);
    expect(result.cancelled).not.toContainEqual(deadline);
    expect(result.timers.map((t) => t.id)).not.toContain(deadline?.id);
  });

  it('a follow-up that fires is spent, not cancelled', () => {
    const c = caseIn('agreed');
    const followUp = c.view.timers.find((t) => t.kind === 'follow_up');
    const result = c.fire('follow_up');
    // The Art. 33 window is not cancelled either: it runs on (machine version 3).
    expect(result.cancelled).toEqual([]);
    expect(result.timers).not.toContainEqual(followUp);
  });

  it('an event that stays in the state arms and cancels nothing', () => {
    const c = caseIn('agreed', { tier: 'red' });
    const timers = c.view.timers;
    const request = c.send('REQUEST_JUDICIAL_CONFIRMATION');
    expect([request.armed, request.cancelled]).toEqual([[], []]);
    const confirm = c.send('RECORD_CONFIRMATION', { confirmed: true }, ACTORS.courtMember);
    expect([confirm.armed, confirm.cancelled]).toEqual([[], []]);
    expect(c.view.timers).toEqual(timers);
  });

  it('timer ids are never reused within a case', () => {
    const c = caseIn('blue.mediating');
    const opened = c.view.timers;
    c.send('SUSPEND');
    c.send('RESUME');
    c.send('EXTEND_DEADLINE');
    c.send('ESCALATE');
    c.send('DOWNGRADE', {}, ACTORS.judicialOfficer);
    c.send('REACH_AGREEMENT');
    const ids = [opened, ...c.history.map((h) => h.armed)].flat().map((t) => t.id);
    expect(ids).toHaveLength(13); // 2 + 2 + 2 + 2 + 2 + 3
    expect(new Set(ids).size).toBe(ids.length);
  });
});
