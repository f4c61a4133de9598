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
] as const satisfies readonly (TimerKind | 'agenda')[];
export type JobName = (typeof JOB_NAMES)[number];

/** A timer job carries only the row id: the row says what is due. */
export interface TimerJobData {
  timerId: string;
}

export const AGENDA_SCHEDULER_ID = 'weekly-agenda';
