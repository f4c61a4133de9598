import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { Queue, type JobsOptions } from 'bullmq';
import { producerConnection } from './redis-connection';
import { TIMER_QUEUE, type JobName, type TimerJobData } from './timer-jobs';

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

/** The BullMQ queue of timer wake-ups; the job id is the timer row id (it has no ':'). */
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

  /** Adding a job id that exists is a no-op in BullMQ, so this is safe to repeat. */
  async schedule(wakeUps: readonly WakeUp[], now = Date.now()): Promise<void> {
    if (wakeUps.length === 0) return;
    await this.queue.addBulk(
      wakeUps.map((w) => ({
        name: w.kind,
        data: { timerId: w.id },
        opts: { ...JOB_OPTIONS, jobId: w.id, delay: Math.max(0, w.dueAt.getTime() - now) },
      })),
    );
  }

  /**
   * `schedule` for the wake-ups that have no job yet. Re-adding an existing job is a no-op, but
   * not a free one: a reconcile pass over thousands of queued timers cost the worker seconds.
   */
  async scheduleMissing(wakeUps: readonly WakeUp[], now = Date.now()): Promise<number> {
    if (wakeUps.length === 0) return 0;
    const client = await this.queue.backend.client;
    // A job is a hash with its name in it (BullMQ's client interface has no EXISTS).
    const exists = await Promise.all(
      wakeUps.map((w) => client.hexists(this.queue.toKey(w.id), 'name')),
    );
    const missing = wakeUps.filter((_w, i) => exists[i] !== 1);
    await this.schedule(missing, now);
    return missing.length;
  }

  async unschedule(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.queue.remove(id)));
  }

  /**
   * Last of all (Nest runs every module's destroy hook before any shutdown hook): the worker
   * stops in its destroy hook, and the job it had in hand still queues its wake-ups through here.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
