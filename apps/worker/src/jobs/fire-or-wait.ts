import { DelayedError, type Job } from 'bullmq';
import type { FireOutcome, TimerJobData } from '@tricolor/core';

/**
 * A job that woke before its row is due (a clock step, a re-queued job) goes back to sleep
 * until then instead of firing early.
 */
export async function settle(
  job: Job<TimerJobData>,
  token: string | undefined,
  outcome: FireOutcome,
): Promise<FireOutcome> {
  if (outcome.result !== 'early') return outcome;
  await job.moveToDelayed(outcome.dueAt.getTime(), token);
  throw new DelayedError();
}
