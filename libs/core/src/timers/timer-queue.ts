import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { Queue, type JobsOptions } from 'bullmq';
import { producerConnection } from './redis-connection';
import {
  TIMER_QUEUE,
  WAKE_UP_GRANULARITY_MS,
  WAKE_UP_JOB,
  type JobName,
  type TimerJobData,
} from './timer-jobs';

export interface WakeUp {
  id: string;
  kind: JobName;
  dueAt: Date;
}

/** Timer jobs are only wake-up calls: a lost one is re-queued by the reconciler. */
const JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};

/** The instant a timer due at `dueMs` is woken for: the end of its slot, never before it. */
export const wakeUpAt = (dueMs: number): number =>
  Math.ceil(dueMs / WAKE_UP_GRANULARITY_MS) * WAKE_UP_GRANULARITY_MS;

/** The job id of the wake-up at an instant (no ':', which BullMQ reserves). */
export const wakeUpJobId = (atMs: number): string => `due-${atMs}`;

/** Whether a job id is a wake-up's (`wakeUpJobId`): told from the id alone, no job read. */
export const isWakeUpJobId = (id: string): boolean => /^due-\d+$/.test(id);

/**
 * The BullMQ queue of timer wake-ups: one job per due instant, its id the instant's, so any
 * number of timers due together, scheduled from any number of places, make one job.
 */
@Injectable()
export class TimerQueue implements OnApplicationShutdown {
  private readonly log = new Logger(TimerQueue.name);
  readonly queue: Queue<TimerJobData>;

  constructor(config: AppConfig) {
    this.queue = new Queue<TimerJobData>(TIMER_QUEUE, {
      connection: producerConnection(config),
      prefix: config.redisPrefix,
    });
    // Redis being away is expected and handled; keep the log to one line per failure.
    this.queue.on('error', (error) => this.log.warn(`timer queue: ${error.message}`));
  }

  /**
   * Wakes the worker when each of these timers is due. Adding a job id that exists is a no-op in
   * BullMQ, so this is safe to repeat. Returns the instants' job ids.
   */
  async schedule(wakeUps: readonly WakeUp[], now = Date.now()): Promise<string[]> {
    const instants = [...new Set(wakeUps.map((w) => wakeUpAt(w.dueAt.getTime())))];
    if (instants.length === 0) return [];
    await this.queue.addBulk(
      instants.map((at) => ({
        name: WAKE_UP_JOB,
        data: { timerId: wakeUpJobId(at), dueAt: at },
        opts: { ...JOB_OPTIONS, jobId: wakeUpJobId(at), delay: Math.max(0, at - now) },
      })),
    );
    return instants.map(wakeUpJobId);
  }

  /**
   * `schedule` for the instants that have no job yet; how many jobs it added. Re-adding an
   * existing job is a no-op, but not a free one: a reconcile pass over thousands of queued
   * timers cost the worker seconds.
   */
  async scheduleMissing(wakeUps: readonly WakeUp[], now = Date.now()): Promise<number> {
    const instants = [...new Set(wakeUps.map((w) => wakeUpAt(w.dueAt.getTime())))];
    if (instants.length === 0) return 0;
    const client = await this.queue.backend.client;
    // A job is a hash with its name in it (BullMQ's client interface has no EXISTS).
    const exists = await Promise.all(
      instants.map((at) => client.hexists(this.queue.toKey(wakeUpJobId(at)), 'name')),
    );
    const missing = instants.filter((_at, i) => exists[i] !== 1);
    await this.schedule(
      missing.map((at) => ({ id: wakeUpJobId(at), kind: 'deadline', dueAt: new Date(at) })),
      now,
    );
    return missing.length;
  }

  /**
   * Removes jobs by id. A wake-up is shared by every timer due at its instant, so cancelling a
   * timer does not remove it: woken for nothing, the worker claims nothing.
   */
  async unschedule(jobIds: readonly string[]): Promise<void> {
    await Promise.all(jobIds.map((id) => this.queue.remove(id)));
  }

  /**
   * Last of all (Nest runs every module's destroy hook before any shutdown hook): the worker
   * stops in its destroy hook, and the job it had in hand still queues its wake-ups through here.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
