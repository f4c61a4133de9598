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

/** Jobs with no timer row behind them: the reconciler leaves them alone. */
export const ROWLESS_JOBS: ReadonlySet<string> = new Set<JobName>(['agenda', 'calendar_retime']);

/** A timer job carries only the row id: the row says what is due. */
export interface TimerJobData {
  timerId: string;
  /** calendar_retime: the edited year whose deadlines are counted again. */
  year?: number;
}

export const AGENDA_SCHEDULER_ID = 'weekly-agenda';
