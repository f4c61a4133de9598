import { AGENDA_SCHEDULER_ID, TIMER_QUEUE } from '@tricolor/core';
import { Queue } from 'bullmq';
import { REDIS_URL } from './services';

/** The weekly agenda is a BullMQ job scheduler, not a timer row: is it (still) in Redis? */
export async function agendaScheduled(prefix: string): Promise<boolean> {
  const queue = new Queue(TIMER_QUEUE, {
    connection: { url: REDIS_URL, maxRetriesPerRequest: 1, enableOfflineQueue: false },
    prefix,
  });
  try {
    return (await queue.getJobScheduler(AGENDA_SCHEDULER_ID)) !== undefined;
  } finally {
    await queue.close();
  }
}

/** Timer jobs in Redis in the given states (default: delayed, waiting or running). */
export async function queuedJobs(
  prefix: string,
  states: ('delayed' | 'wait' | 'active' | 'prioritized')[] = [
    'delayed',
    'wait',
    'active',
    'prioritized',
  ],
): Promise<number> {
  const queue = new Queue(TIMER_QUEUE, {
    connection: { url: REDIS_URL, maxRetriesPerRequest: 1, enableOfflineQueue: false },
    prefix,
  });
  try {
    const counts = await queue.getJobCounts(...states);
    return Object.values(counts).reduce((a, b) => a + b, 0);
  } finally {
    await queue.close();
  }
}
