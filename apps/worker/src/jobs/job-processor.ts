import type { Job } from 'bullmq';
import type { JobName, TimerJobData, TimerReaction } from '@tricolor/core';

/**
 * One processor per job name (the worker refuses to start with a name unhandled or doubled).
 * A timer kind's processor is a reaction, run for each of its timers inside the batch that
 * claimed it; the weekly agenda, not a timer, is a job of its own.
 */
export interface JobProcessor {
  readonly name: JobName;
  /** What a timer of this kind does when it fires (its writes go to `ctx.writes`). */
  readonly react?: TimerReaction;
  /** A job that is not a timer (the weekly agenda, re-timing after a calendar edit). */
  process?(job: Job<TimerJobData>): Promise<unknown>;
}

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');
