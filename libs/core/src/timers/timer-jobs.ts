import type { TimerKind } from '@tricolor/workflow';

/** One queue carries every timer; the job name says which processor handles it. */
export const TIMER_QUEUE = 'timers';

/** Every job name, each with exactly one processor (the worker refuses to boot otherwise). */
export const JOB_NAMES = [
  'deadline',
  'reminder',
  'follow_up',
  'confirmation_window',
  'confirmation_reminder',
  'agenda',
  'calendar_retime',
] as const satisfies readonly (TimerKind | 'agenda' | 'calendar_retime')[];
export type JobName = (typeof JOB_NAMES)[number];

/**
 * The wake-up job: one per due instant (rounded up to WAKE_UP_GRANULARITY_MS), whatever the
 * timers due then. It carries no timer: woken, the worker fires every row that is due.
 */
export const WAKE_UP_JOB = 'due';

/** Wake-ups are grouped per this many ms, each at the end of its slot: never early, this late. */
export const WAKE_UP_GRANULARITY_MS = 100;

/** Jobs with no timer row behind them: the reconciler leaves them alone. */
export const ROWLESS_JOBS: ReadonlySet<string> = new Set<string>([
  'agenda',
  'calendar_retime',
  WAKE_UP_JOB,
]);

/**
 * A job's data. A wake-up carries its instant (ms since the epoch); jobs queued before batching
 * named one timer row (`timerId`, job id = row id) and are still honoured as wake-ups.
 */
export interface TimerJobData {
  timerId: string;
  dueAt?: number;
  /** calendar_retime: the edited year whose deadlines are counted again. */
  year?: number;
}

export const AGENDA_SCHEDULER_ID = 'weekly-agenda';
