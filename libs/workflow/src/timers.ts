/**
 * Durable time lives outside the machine: each timed state declares its timers as data,
 * and the machine keeps the armed timers (with absolute due times) in its context so the
 * scheduler can mirror them into database rows and queue jobs. XState `after` delays are
 * never used: they do not survive a restored snapshot.
 */

import type { BusinessCalendar, WorkingSpan } from './calendar/types';
import { dueAfter, workingLeft, workingMsOf, type WorkingClock } from './calendar/timer-clock';
import { parseWorkingSpan } from './calendar/working-span';

export const DURATION_SETTINGS = [
  'DEADLINE_BLUE_MEDIATION',
  'DEADLINE_YELLOW_ACCEPTANCE',
  'DEADLINE_YELLOW_REVIEW',
  'DEADLINE_RED_CONVENING',
  'DEADLINE_RED_MEDIATION',
  'FOLLOW_UP_DELAY',
  'CONFIRMATION_WINDOW',
] as const;
export type DurationSetting = (typeof DURATION_SETTINGS)[number];

/** Durations in milliseconds, captured when a case is opened so a running case never shifts. */
export interface WorkflowPolicy {
  durations: Record<DurationSetting, number>;
  reminderRatio: number;
  /**
   * Settings counted in working time (`3WD`, `4WH`) on the business calendar; `durations`
   * then holds their calendar-day equivalent, used where a year has no calendar data.
   */
  working?: Partial<Record<DurationSetting, WorkingSpan>>;
}

export const DEFAULT_POLICY: WorkflowPolicy = {
  durations: {
    DEADLINE_BLUE_MEDIATION: 3 * 86_400_000,
    DEADLINE_YELLOW_ACCEPTANCE: 1 * 86_400_000,
    DEADLINE_YELLOW_REVIEW: 15 * 86_400_000,
    DEADLINE_RED_CONVENING: 3 * 86_400_000,
    DEADLINE_RED_MEDIATION: 30 * 86_400_000,
    FOLLOW_UP_DELAY: 7 * 86_400_000,
    CONFIRMATION_WINDOW: 30 * 86_400_000,
  },
  reminderRatio: 0.8,
};

export type TimedState =
  | 'blue.mediating'
  | 'yellow.awaitingAcceptance'
  | 'yellow.jointReview'
  | 'red.convening'
  | 'red.panelMediation'
  | 'agreed';

export type TimerKind =
  'deadline' | 'reminder' | 'follow_up' | 'confirmation_window' | 'confirmation_reminder';

/** The system event a timer sends when it fires; null timers only notify. */
export type TimerEvent = 'DEADLINE_EXPIRED' | 'FOLLOW_UP_DUE' | null;

export interface TimerDeclaration {
  kind: TimerKind;
  setting: DurationSetting;
  fires: TimerEvent;
  /** Counted from the agreement's performance due date when it has one, else from entry. */
  from: 'entry' | 'performanceDue';
  /** A reminder at this share of the duration: 'policy' uses REMINDER_RATIO. */
  reminder: 'policy' | number | null;
}

const deadline = (setting: DurationSetting): TimerDeclaration[] => [
  { kind: 'deadline', setting, fires: 'DEADLINE_EXPIRED', from: 'entry', reminder: 'policy' },
];

export const STATE_TIMERS: Record<TimedState, TimerDeclaration[]> = {
  'blue.mediating': deadline('DEADLINE_BLUE_MEDIATION'),
  'yellow.awaitingAcceptance': deadline('DEADLINE_YELLOW_ACCEPTANCE'),
  'yellow.jointReview': deadline('DEADLINE_YELLOW_REVIEW'),
  'red.convening': deadline('DEADLINE_RED_CONVENING'),
  'red.panelMediation': deadline('DEADLINE_RED_MEDIATION'),
  agreed: [
    {
      kind: 'follow_up',
      setting: 'FOLLOW_UP_DELAY',
      fires: 'FOLLOW_UP_DUE',
      from: 'performanceDue',
      reminder: null,
    },
    // The Art. 33 window: a reminder at day 25 of 30, then the window closes.
    {
      kind: 'confirmation_window',
      setting: 'CONFIRMATION_WINDOW',
      fires: null,
      from: 'entry',
      reminder: 25 / 30,
    },
  ],
};

export interface TimerEntry {
  /** Unique within the case; the scheduler prefixes the case id. */
  id: string;
  kind: TimerKind;
  /** The state whose visit this timer belongs to. */
  scope: TimedState;
  setting: DurationSetting;
  dueAt: string;
  fires: TimerEvent;
  /** For reminders: the timer they remind of. */
  remindsOf: string | null;
  /** Set when the timer counts working time: how, so a calendar edit can re-time it. */
  working?: WorkingClock;
}

export interface PausedTimer extends Omit<TimerEntry, 'dueAt' | 'id'> {
  id: string;
  remainingMs: number;
  /** For a timer counted in working time: the working time that was left. */
  remainingWorkingMs?: number;
}

interface TimerBook {
  timers: TimerEntry[];
  pausedTimers: PausedTimer[];
  timerSeq: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A timer's fields without its working-time clock (a re-armed timer gets its own). */
function withoutClock<T extends { working?: WorkingClock }>(timer: T): Omit<T, 'working'> {
  const copy = { ...timer };
  delete copy.working;
  return copy;
}

const DAY_MS = 86_400_000;
/** China Standard Time: UTC+8 all year. */
const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * Where the Art. 33 window starts counting. The law counts periods in calendar days from the
 * day after the event (Civil Procedure Law Art. 85; 民法典 Art. 201), so a window of whole days
 * starts at the next midnight in China and ends at the end of its last day. A window configured
 * in hours or seconds (tests, demos) runs from the instant itself.
 */
export function confirmationWindowStart(at: string, durationMs: number): number {
  const instant = Date.parse(at);
  if (durationMs % DAY_MS !== 0) return instant;
  const local = instant + CST_OFFSET_MS;
  return Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - CST_OFFSET_MS;
}

/** When the Art. 33 window of an agreement that took effect at `at` ends. */
export const confirmationWindowEnd = (at: string, policy: WorkflowPolicy): string => {
  const duration = policy.durations.CONFIRMATION_WINDOW;
  return iso(confirmationWindowStart(at, duration) + duration);
};

/** Arms the timers `state` declares, counted from `at`. */
export function armTimers(
  book: TimerBook,
  state: TimedState,
  at: string,
  policy: WorkflowPolicy,
  performanceDueAt: string | null = null,
  calendar?: BusinessCalendar,
): TimerBook {
  let seq = book.timerSeq;
  const armed: TimerEntry[] = [];
  for (const decl of STATE_TIMERS[state]) {
    const duration = policy.durations[decl.setting];
    const start =
      decl.kind === 'confirmation_window'
        ? confirmationWindowStart(at, duration)
        : Date.parse(decl.from === 'performanceDue' && performanceDueAt ? performanceDueAt : at);
    const workingMs = workingMsOf(policy.working?.[decl.setting], calendar);
    const due = dueAfter(start, duration, workingMs, calendar);
    const main: TimerEntry = {
      id: `t${++seq}`,
      kind: decl.kind,
      scope: state,
      setting: decl.setting,
      dueAt: iso(due.dueAt),
      fires: decl.fires,
      remindsOf: null,
      ...(due.working ? { working: due.working } : {}),
    };
    armed.push(main);
    if (decl.reminder !== null) {
      const ratio = decl.reminder === 'policy' ? policy.reminderRatio : decl.reminder;
      const early = dueAfter(
        start,
        Math.round(duration * ratio),
        workingMs === null ? null : Math.round(workingMs * ratio),
        calendar,
      );
      armed.push({
        ...withoutClock(main),
        id: `t${++seq}`,
        kind: decl.kind === 'deadline' ? 'reminder' : 'confirmation_reminder',
        dueAt: iso(early.dueAt),
        fires: null,
        remindsOf: main.id,
        ...(early.working ? { working: early.working } : {}),
      });
    }
  }
  return { ...book, timers: [...book.timers, ...armed], timerSeq: seq };
}

/** Leaving a state cancels the timers of its visit. */
export function disarmTimers(book: TimerBook, state: TimedState): TimerBook {
  return { ...book, timers: book.timers.filter((t) => t.scope !== state) };
}

/** Removes one timer (it fired) and the reminder that belongs to it. */
export function dropTimer(book: TimerBook, timerId: string): TimerBook {
  return {
    ...book,
    timers: book.timers.filter((t) => t.id !== timerId && t.remindsOf !== timerId),
  };
}

/** Legal windows run on a calendar: suspending the mediation does not move them (Art. 33). */
const keepsRunning = (t: TimerEntry): boolean =>
  t.kind === 'confirmation_window' || t.kind === 'confirmation_reminder';

/**
 * Suspension stops the mediation's clocks, keeping the time that was left (reminders already
 * past are spent); the judicial-confirmation window keeps running.
 */
export function pauseTimers(book: TimerBook, at: string, calendar?: BusinessCalendar): TimerBook {
  const now = Date.parse(at);
  const paused: PausedTimer[] = book.timers
    .filter((t) => !keepsRunning(t))
    .map(({ dueAt, ...rest }) => ({
      ...rest,
      remainingMs: Math.max(0, Date.parse(dueAt) - now),
      // A working-time clock keeps the working time left (a holiday in the pause is not lost).
      ...(rest.working && calendar
        ? { remainingWorkingMs: workingLeft(calendar, now, Date.parse(dueAt)) }
        : {}),
    }))
    .filter((t) => t.fires !== null || t.remainingMs > 0);
  return {
    ...book,
    timers: book.timers.filter(keepsRunning),
    pausedTimers: [...book.pausedTimers, ...paused],
  };
}

/** Resuming re-arms paused timers with the time that was left, under new ids (a new visit). */
export function resumeTimers(book: TimerBook, at: string, calendar?: BusinessCalendar): TimerBook {
  const now = Date.parse(at);
  let seq = book.timerSeq;
  const renamed = new Map<string, string>();
  for (const t of book.pausedTimers) renamed.set(t.id, `t${++seq}`);
  const timers = book.pausedTimers.map(({ remainingMs, remainingWorkingMs, ...t }): TimerEntry => {
    const due = dueAfter(now, remainingMs, remainingWorkingMs ?? null, calendar);
    return {
      ...withoutClock(t),
      id: renamed.get(t.id) ?? t.id,
      remindsOf: t.remindsOf === null ? null : (renamed.get(t.remindsOf) ?? null),
      dueAt: iso(due.dueAt),
      ...(due.working ? { working: due.working } : {}),
    };
  });
  return { ...book, timers: [...book.timers, ...timers], pausedTimers: [], timerSeq: seq };
}

/**
 * Moves the deadline of `scope` to `until`, or `by` working time (`3WD`, `4WH`) past the
 * current deadline (or past now, when it has passed), with a fresh reminder at the policy ratio
 * of the time now left. A deadline that already expired (red cases stay, flagged overdue) is
 * re-armed. A deadline moved `by` working time keeps its count, so a calendar edit re-times it.
 */
export function extendDeadline(
  book: TimerBook,
  scope: TimedState,
  target: { until: string } | { by: string },
  at: string,
  policy: WorkflowPolicy,
  calendar?: BusinessCalendar,
): TimerBook {
  const declared = STATE_TIMERS[scope].find((d) => d.kind === 'deadline');
  if (!declared) return book;
  const current = book.timers.find((t) => t.kind === 'deadline');
  let seq = book.timerSeq;
  const start = Date.parse(at);
  let end: number;
  let working: WorkingClock | null = null;
  let reminderAt: number;
  let reminderWorking: WorkingClock | null = null;
  if ('by' in target) {
    const span = parseWorkingSpan(target.by);
    if (!span) throw new Error(`EXTEND_DEADLINE by ${target.by} is not working time`);
    const from = Math.max(start, current ? Date.parse(current.dueAt) : 0);
    const workingMs = workingMsOf(span, calendar) ?? 0;
    // Where a year has no calendar data, a working day counts as a calendar day.
    const wallMs = span.unit === 'WD' ? span.amount * 86_400_000 : span.amount * 3_600_000;
    const due = dueAfter(from, wallMs, workingMs, calendar);
    end = due.dueAt;
    working = due.working;
    // The reminder: at the policy ratio of the working time from now to the new deadline.
    const left = calendar ? workingLeft(calendar, start, end) : end - start;
    const early = dueAfter(
      start,
      Math.round((end - start) * policy.reminderRatio),
      Math.round(left * policy.reminderRatio),
      calendar,
    );
    reminderAt = early.dueAt;
    reminderWorking = early.working;
  } else {
    end = Date.parse(target.until);
    reminderAt = start + Math.round((end - start) * policy.reminderRatio);
  }
  const moved: TimerEntry = {
    id: `t${++seq}`,
    kind: 'deadline',
    scope,
    setting: declared.setting,
    fires: declared.fires,
    remindsOf: null,
    dueAt: iso(end),
    ...(working ? { working } : {}),
  };
  const reminder: TimerEntry = {
    ...withoutClock(moved),
    id: `t${++seq}`,
    kind: 'reminder',
    fires: null,
    remindsOf: moved.id,
    dueAt: iso(reminderAt),
    ...(reminderWorking ? { working: reminderWorking } : {}),
  };
  const kept = current ? dropTimer(book, current.id).timers : book.timers;
  return { ...book, timers: [...kept, moved, reminder], timerSeq: seq };
}

/** The deadline currently armed, if any. */
export function currentDeadline(book: Pick<TimerBook, 'timers'>): TimerEntry | undefined {
  return book.timers.find((t) => t.kind === 'deadline');
}
