/**
 * EXTEND_DEADLINE in working time (`by: '3WD'`): counted on the business calendar from the
 * current deadline, kept as a working-time count so a later calendar edit re-times it.
 */
import { openCase, step, type PersistedWorkflow } from '../engine';
import { ACTORS, LOCATION, PARTIES } from '../testing/fixtures';
import { DEFAULT_POLICY, type TimerEntry, type WorkflowPolicy } from '../timers';
import { calendarOf, CHINA_CALENDAR } from './business-calendar';
import { CHINA_OFFICIAL_YEARS } from './china-official';
import { retimeTimers } from './retime';

const bj = (local: string): string => new Date(Date.parse(`${local}+08:00`)).toISOString();
const calendar = CHINA_CALENDAR;
const WORKING: WorkflowPolicy = {
  ...DEFAULT_POLICY,
  working: { DEADLINE_BLUE_MEDIATION: { unit: 'WD', amount: 3 } },
};
const consent = PARTIES.map((p) => p.id);
const deadline = (state: PersistedWorkflow): TimerEntry | undefined =>
  state.context.timers.find((t) => t.kind === 'deadline');

// Opened Monday 28 Sep 2026 09:00: 3 WD → Thursday 8 Oct 09:00 (1–7 Oct off).
const opened = () =>
  openCase({
    location: LOCATION,
    parties: PARTIES,
    tier: 'blue',
    openedAt: bj('2026-09-28T09:00:00'),
    policy: WORKING,
    calendar,
  });

const extend = (state: PersistedWorkflow, payload: { by?: string; until?: string }) =>
  step(state, {
    type: 'EXTEND_DEADLINE',
    ...payload,
    reason: 'both parties asked for time to get a repair quote',
    consentingPartyIds: consent,
    actor: ACTORS.gridWorker,
    at: bj('2026-09-29T10:00:00'),
    calendar,
  });

describe('EXTEND_DEADLINE by working time', () => {
  it('adds working days to the current deadline, skipping the holiday and counting the make-up Saturday', () => {
    const start = opened();
    expect(deadline(start.state)?.dueAt).toBe(bj('2026-10-08T09:00:00'));
    const moved = extend(start.state, { by: '3WD' });
    if (!moved.ok) throw new Error(moved.reason);
    const due = deadline(moved.state);
    // 8 Oct 09:00 → Fri 9 Oct (1) → Sat 10 Oct, a make-up working day (2) → Mon 12 Oct (3).
    expect(due?.dueAt).toBe(bj('2026-10-12T09:00:00'));
    expect(due?.working).toEqual({ from: bj('2026-10-08T09:00:00'), ms: 3 * 7.5 * 3_600_000 });
    // The reminder falls on a working instant before the new deadline.
    const reminder = moved.state.context.timers.find((t) => t.kind === 'reminder');
    expect(Date.parse(reminder?.dueAt ?? '')).toBeLessThan(Date.parse(due?.dueAt ?? ''));
    expect(reminder?.remindsOf).toBe(due?.id);
  });

  it('keeps the new reminder on working time too, counted from now', () => {
    const moved = extend(opened().state, { by: '3WD' });
    if (!moved.ok) throw new Error(moved.reason);
    const reminder = moved.state.context.timers.find((t) => t.kind === 'reminder');
    expect(reminder?.working).toEqual({ from: bj('2026-09-29T10:00:00'), ms: expect.any(Number) });
    expect(reminder?.working?.ms).toBeGreaterThan(0);
  });

  it('a working-time deadline suspended and resumed stays on working time', () => {
    const suspended = step(opened().state, {
      type: 'SUSPEND',
      reason: 'the applicant is in hospital',
      actor: ACTORS.gridWorker,
      at: bj('2026-09-29T10:00:00'),
      calendar,
    });
    if (!suspended.ok) throw new Error(suspended.reason);
    const resumed = step(suspended.state, {
      type: 'RESUME',
      actor: ACTORS.gridWorker,
      at: bj('2026-10-12T09:00:00'),
      calendar,
    });
    if (!resumed.ok) throw new Error(resumed.reason);
    const due = deadline(resumed.state);
    expect(due?.working).toEqual({ from: bj('2026-10-12T09:00:00'), ms: expect.any(Number) });
    expect(due?.working?.ms).toBeGreaterThan(0);
  });

  it('adds working hours, carried over the lunch break and the evening', () => {
    const moved = extend(opened().state, { by: '4WH' });
    if (!moved.ok) throw new Error(moved.reason);
    // 8 Oct 09:00 + 3 h → 12:00; lunch; + 1 h → 14:30.
    expect(deadline(moved.state)?.dueAt).toBe(bj('2026-10-08T14:30:00'));
  });

  it('is re-timed by a later calendar edit, like any working-time deadline', () => {
    const moved = extend(opened().state, { by: '3WD' });
    if (!moved.ok) throw new Error(moved.reason);
    const official = CHINA_OFFICIAL_YEARS.find((y) => y.year === 2026)!;
    const edited = calendarOf([
      ...CHINA_OFFICIAL_YEARS.filter((y) => y.year !== 2026),
      { ...official, holidays: [...official.holidays, '2026-10-09'] },
    ]);
    const { moved: retimed } = retimeTimers(moved.state.context.timers, edited);
    const id = deadline(moved.state)?.id;
    expect(retimed.find((r) => r.timerId === id)).toEqual({
      timerId: id,
      kind: 'deadline',
      from: bj('2026-10-12T09:00:00'),
      to: bj('2026-10-13T09:00:00'),
    });
  });

  it('refuses both a date and working time, or working time it cannot read', () => {
    const start = opened().state;
    const both = extend(start, { by: '3WD', until: bj('2026-10-20T17:00:00') });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.reason).toContain('not both');
    const unreadable = extend(start, { by: '3 days' });
    expect(unreadable.ok).toBe(false);
    if (!unreadable.ok) expect(unreadable.reason).toContain('working time');
    const neither = extend(start, {});
    expect(neither.ok).toBe(false);
  });

  it('still takes a date, as before', () => {
    const moved = extend(opened().state, { until: bj('2026-10-20T17:00:00') });
    if (!moved.ok) throw new Error(moved.reason);
    expect(deadline(moved.state)?.dueAt).toBe(bj('2026-10-20T17:00:00'));
    expect(deadline(moved.state)?.working).toBeUndefined();
  });
});
