import type { Job } from 'bullmq';
import type { JobName, TimerJobData } from '@tricolor/core';

/** One processor per job name (the worker refuses to start with a name unhandled or doubled). */
export interface JobProcessor {
  readonly name: JobName;
  process(job: Job<TimerJobData>, token: string | undefined): Promise<unknown>;
}

export const JOB_PROCESSORS = Symbol('JOB_PROCESSORS');
