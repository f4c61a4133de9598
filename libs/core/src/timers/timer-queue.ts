import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
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
export class TimerQueue implements OnModuleDestroy {
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

  async unschedule(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.queue.remove(id)));
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
