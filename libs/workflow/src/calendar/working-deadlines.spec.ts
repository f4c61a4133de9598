/**
 * Deadlines counted in working time through the pure engine: the calendar is handed to a step
 * like the clock, timers keep absolute due instants, suspension keeps the working time left.
 */
import { openCase, step, type PersistedWorkflow } from '../engine';
import { ACTORS, LOCATION, PARTIES } from '../testing/fixtures';
import { DEFAULT_POLICY, type TimerEntry, type WorkflowPolicy } from '../timers';
import { calendarOf, CHINA_CALENDAR } from './business-calendar';
import { CHINA_OFFICIAL_YEARS } from './china-official';
import { retimeTimers } from './retime';
import { describeNext, formatInstant } from './next-steps';
import { watchDeadline } from './supervision';
import type { CalendarYear } from './types';

const bj = (local: string): string => new Date(Date.parse(`${local}+08:00`)).toISOString();
const calendar = CHINA_CALENDAR;

const WORKING: WorkflowPolicy = {
  ...DEFAULT_POLICY,
  working: {
    DEADLINE_BLUE_MEDIATION: { unit: 'WD', amount: 3 },
    DEADLINE_YELLOW_ACCEPTANCE: { unit: 'WD', amount: 1 },
  },
};

const open = (openedAt: string, policy = WORKING) =>
  openCase({ location: LOCATION, parties: PARTIES, tier: 'blue', openedAt, policy, calendar });

const deadline = (state: PersistedWorkflow): TimerEntry | undefined =>
  state.context.timers.find((t) => t.kind === 'deadline');

describe('working-time deadlines in the engine', () => {
  it('a blue case opened on the last working afternoon before National Day is due after it', () => {
    const opened = open(bj('2026-09-30T16:00:00'));
    const due = deadline(opened.state);
    // 30 Sep 16:00 → 8 Oct (1 WD) → 9 Oct (2) → Saturday 10 Oct, a make-up working day (3).
    expect(due?.dueAt).toBe(bj('2026-10-10T16:00:00'));
    expect(due?.working).toEqual({ from: bj('2026-09-30T16:00:00'), ms: 3 * 7.5 * 3_600_000 });
    // The reminder at 80 % of the working time, not of the calendar time.
    const reminder = opened.state.context.timers.find((t) => t.kind === 'reminder');
    expect(reminder?.dueAt).toBe(bj('2026-10-10T10:00:00'));
  });

  it('the calendar is not kept in the persisted context', () => {
    expect(JSON.stringify(open(bj('2026-09-30T16:00:00')).state)).not.toContain('holidays');
  });

  it('escalation to yellow arms 1 working day of acceptance on the same calendar', () => {
    const opened = open(bj('2026-09-30T16:00:00'));
    const timerId = deadline(opened.state)?.id ?? '';
    const fired = step(opened.state, {
      type: 'DEADLINE_EXPIRED',
      timerId,
      actor: ACTORS.system,
      at: bj('2026-10-10T16:00:00'),
      calendar,
    });
    if (!fired.ok) throw new Error(fired.reason);
    expect(fired.status).toBe('yellow.awaitingAcceptance');
    // Saturday 10 Oct is a make-up day; Sunday 11 is off: due Monday 12 Oct 16:00.
    expect(deadline(fired.state)?.dueAt).toBe(bj('2026-10-12T16:00:00'));
  });

  it('suspension across a holiday keeps the remaining working time', () => {
    // Opened Monday 28 Sep 09:00: 3 WD → Thursday 8 Oct 09:00 (1–7 Oct off).
    const opened = open(bj('2026-09-28T09:00:00'));
    expect(deadline(opened.state)?.dueAt).toBe(bj('2026-10-08T09:00:00'));
    // Suspended Tuesday 29 Sep 09:00 with 2 WD left; resumed Friday 9 Oct 09:00.
    const suspended = step(opened.state, {
      type: 'SUSPEND',
      reason: 'a party is in hospital',
      actor: ACTORS.gridWorker,
      at: bj('2026-09-29T09:00:00'),
      calendar,
    });
    if (!suspended.ok) throw new Error(suspended.reason);
    const paused = suspended.state.context.pausedTimers.find((t) => t.kind === 'deadline');
    expect(paused?.remainingWorkingMs).toBe(2 * 7.5 * 3_600_000);
    const resumed = step(suspended.state, {
      type: 'RESUME',
      actor: ACTORS.gridWorker,
      at: bj('2026-10-09T09:00:00'),
      calendar,
    });
    if (!resumed.ok) throw new Error(resumed.reason);
    // 9 Oct 09:00 + 2 WD → Saturday 10 Oct (make-up) → Monday 12 Oct 09:00.
    expect(deadline(resumed.state)?.dueAt).toBe(bj('2026-10-12T09:00:00'));
  });

  it('a deadline in a year with no data is counted in calendar days and says so', () => {
    const opened = open(bj('2026-12-30T10:00:00'));
    const due = deadline(opened.state);
    expect(due?.dueAt).toBe(bj('2027-01-02T10:00:00'));
    expect(due?.working?.fallbackYears).toEqual([2027]);
  });

  it('an ISO 8601 setting stays wall-clock time', () => {
    const opened = open(bj('2026-09-30T16:00:00'), DEFAULT_POLICY);
    expect(deadline(opened.state)?.dueAt).toBe(bj('2026-10-03T16:00:00'));
    expect(deadline(opened.state)?.working).toBeUndefined();
  });
});

describe('re-timing after a calendar edit', () => {
  it('moves exactly the working-time timers whose count changes', () => {
    const opened = open(bj('2026-11-30T10:00:00')); // Monday: 3 WD → Thursday 3 Dec 10:00
    expect(deadline(opened.state)?.dueAt).toBe(bj('2026-12-03T10:00:00'));
    // An admin declares Tuesday 1 December a day off.
    const edited = calendarOf([
      ...CHINA_OFFICIAL_YEARS.filter((y) => y.year !== 2026),
      {
        ...(CHINA_OFFICIAL_YEARS.find((y) => y.year === 2026) as CalendarYear),
        holidays: [...(CHINA_OFFICIAL_YEARS[1]?.holidays ?? []), '2026-12-01'],
      },
    ]);
    const { timers, moved } = retimeTimers(opened.state.context.timers, edited);
    expect(moved.map((m) => m.kind).sort()).toEqual(['deadline', 'reminder']);
    expect(moved.find((m) => m.kind === 'deadline')).toMatchObject({
      from: bj('2026-12-03T10:00:00'),
      to: bj('2026-12-04T10:00:00'),
    });
    expect(timers.map((t) => t.id)).toEqual(opened.state.context.timers.map((t) => t.id));
    // The same edit leaves a case on ISO durations alone.
    const wall = open(bj('2026-11-30T10:00:00'), DEFAULT_POLICY);
    expect(retimeTimers(wall.state.context.timers, edited).moved).toEqual([]);
  });
});

describe('what happens next, in plain words', () => {
  it('says when a blue case escalates and what that means, in Chinese and English', () => {
    // Opened Friday 4 Dec 2026 17:30: 3 WD → Tuesday 8 Dec 17:30 (end of the working day).
    const opened = open(bj('2026-12-04T17:30:00'));
    const [zh] = describeNext(opened.state.context, 'blue.mediating', 'zh');
    expect(zh?.text).toBe(
      '若在 12月9日（周三）17:30 前未达成协议，案件将自动升级为黄色，由司法所会同律师会诊',
    );
    const [en] = describeNext(opened.state.context, 'blue.mediating', 'en');
    expect(en?.text).toMatch(
      /^If no agreement is reached by Wed 9 Dec 17:30, the case escalates to yellow/,
    );
  });

  it('formats Beijing time with the weekday', () => {
    expect(formatInstant(bj('2026-12-08T17:30:00'), 'zh')).toBe('12月8日（周二）17:30');
    expect(formatInstant(bj('2026-12-08T17:30:00'), 'en')).toBe('Tue 8 Dec 17:30');
  });
});

describe('supervision: how much of a deadline window is left', () => {
  it('measures a working-time window in working time, so a holiday is not time left', () => {
    // 3 WD from Monday 28 Sep 09:00 → Thursday 8 Oct 09:00; on Wednesday 30 Sep at 16:00, with
    // the holiday ahead, 2 h of 22.5 h are left (1.5 h that day, 0.5 h on 8 Oct): about to
    // breach, though 8 calendar days remain.
    const opened = open(bj('2026-09-28T09:00:00'));
    const watch = watchDeadline(
      opened.state.context,
      calendar,
      0.2,
      Date.parse(bj('2026-09-30T16:00:00')),
    );
    expect(watch).toMatchObject({
      countedIn: 'working_time',
      risk: 'at_risk',
      remainingMs: 2 * 3_600_000,
    });
    const early = watchDeadline(
      opened.state.context,
      calendar,
      0.2,
      Date.parse(bj('2026-09-28T10:00:00')),
    );
    expect(early?.risk).toBeNull();
    const late = watchDeadline(
      opened.state.context,
      calendar,
      0.2,
      Date.parse(bj('2026-10-08T09:00:01')),
    );
    expect(late).toMatchObject({ risk: 'overdue', remainingMs: 0, shareLeft: 0 });
  });

  it('measures an ISO 8601 window in wall-clock time', () => {
    const opened = open(bj('2026-09-28T09:00:00'), DEFAULT_POLICY); // P3D → 1 Oct 09:00
    const watch = watchDeadline(
      opened.state.context,
      calendar,
      0.2,
      Date.parse(bj('2026-09-30T20:00:00')),
    );
    expect(watch).toMatchObject({
      countedIn: 'calendar_time',
      risk: 'at_risk',
      remainingMs: 13 * 3_600_000,
    });
  });
});
