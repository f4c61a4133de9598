import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import {
  AGENDA_SCHEDULER_ID,
  CalendarEdits,
  HEARTBEAT_INTERVAL_MS,
  JOB_NAMES,
  Metrics,
  TIMER_QUEUE,
  TimerQueue,
  TimerReconciler,
  WorkerHeartbeats,
  checkRedisPolicy,
  wakeUpHorizonMs,
  withLogContext,
  workerConnection,
  type FireOutcome,
  type JobName,
  type TimerJobData,
} from '@tricolor/core';
import { DelayedError, Worker, type Job } from 'bullmq';
import { JOB_PROCESSORS, type JobProcessor } from './jobs/job-processor';

/** Fails the boot when a job name has no processor, or two (compare immich's job repository). */
export function indexProcessors(processors: readonly JobProcessor[]): Map<JobName, JobProcessor> {
  const byName = new Map<JobName, JobProcessor>();
  for (const p of processors) {
    if (byName.has(p.name)) throw new Error(`job "${p.name}" has two processors`);
    byName.set(p.name, p);
  }
  const missing = JOB_NAMES.filter((name) => !byName.has(name));
  if (missing.length > 0) throw new Error(`no processor for job(s): ${missing.join(', ')}`);
  return byName;
}

/**
 * Runs the timer processors on BullMQ, reconciles the queue with the timer rows at start and
 * every RECONCILE_INTERVAL, and keeps the weekly agenda scheduled. On shutdown it stops taking
 * jobs and lets the one in hand finish.
 */
@Injectable()
export class TimerWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(TimerWorker.name);
  private readonly processors: Map<JobName, JobProcessor>;
  private worker: Worker<TimerJobData> | undefined;
  private reconcileTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly queue: TimerQueue,
    private readonly reconciler: TimerReconciler,
    @Inject(JOB_PROCESSORS) processors: JobProcessor[],
    @Optional() private readonly heartbeats?: WorkerHeartbeats,
    @Optional() private readonly metrics?: Metrics,
    @Optional() private readonly calendar?: CalendarEdits,
  ) {
    this.processors = indexProcessors(processors);
  }

  async onApplicationBootstrap(): Promise<void> {
    await checkRedisPolicy(this.config);
    this.worker = new Worker<TimerJobData>(TIMER_QUEUE, (job, token) => this.dispatch(job, token), {
      connection: workerConnection(this.config),
      prefix: this.config.redisPrefix,
      concurrency: this.config.workerConcurrency,
      // A killed worker's job is taken over once its lock lapses; the claim keeps it exactly-once.
      lockDuration: this.config.workerLockDurationMs,
      stalledInterval: Math.max(1000, Math.round(this.config.workerLockDurationMs / 2)),
    });
    this.worker.on('error', (error) => this.log.warn(`worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.log.warn(`job ${job?.name ?? '?'} ${job?.id ?? '?'} failed: ${error.message}`),
    );
    void this.reconcile();
    this.reconcileTimer = setInterval(() => void this.reconcile(), this.config.reconcileIntervalMs);
    this.reconcileTimer.unref();
    void this.beat();
    this.heartbeatTimer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.heartbeatTimer.unref();
  }

  /** Tells /health/ready (of any replica) that a worker is taking jobs. */
  private async beat(): Promise<void> {
    // Beats from creation (the worker connects and runs on its own) until close() begins.
    if (!this.worker || this.worker.closing) return;
    await this.heartbeats?.beat().catch(() => undefined);
  }

  /** In the first shutdown phase, while the queue and the database are still open. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.reconcileTimer);
    clearInterval(this.heartbeatTimer);
    await this.heartbeats?.leave().catch(() => undefined);
    // close() waits for the job in hand to finish.
    await this.worker?.close();
  }

  private dispatch(job: Job<TimerJobData>, token: string | undefined): Promise<unknown> {
    const processor = this.processors.get(job.name as JobName);
    if (!processor) throw new Error(`no processor for job "${job.name}"`);
    // Every log line of the job names it (and, once the row is claimed, its case).
    return withLogContext({ jobId: job.id ?? '' }, async () => {
      try {
        const outcome = await processor.process(job, token);
        this.observe(job.name, outcome);
        return outcome;
      } catch (error) {
        const result = error instanceof DelayedError ? 'early' : 'error';
        this.metrics?.timerFirings.inc({ kind: job.name, result });
        if (result === 'error') {
          this.log.error({
            msg: 'timer job failed',
            kind: job.name,
            error: (error as Error).message,
          });
        }
        throw error;
      }
    });
  }

  /** One line and one count per firing; the lateness histogram for those that fired. */
  private observe(kind: string, outcome: unknown): void {
    const result = (outcome as Partial<FireOutcome> | undefined)?.result ?? 'done';
    this.metrics?.timerFirings.inc({ kind, result });
    const lateness = (outcome as { latenessMs?: number } | undefined)?.latenessMs;
    if (lateness !== undefined)
      this.metrics?.timerLatenessSeconds.observe({ kind }, lateness / 1000);
    this.log.log({ msg: 'timer fired', kind, result, latenessMs: lateness });
  }

  /** Makes the queue agree with the database; runs at start and every RECONCILE_INTERVAL. */
  async reconcile(): Promise<void> {
    try {
      // Transitions queue only what is due within this horizon; the rest is queued from here.
      await this.reconciler.reconcile(wakeUpHorizonMs(this.config));
      // Upserting is idempotent; doing it each round restores the schedule after a FLUSHALL.
      await this.scheduleAgenda();
      // A calendar edit whose re-timing job was lost is queued again (same job id: no double).
      await this.calendar?.queuePending();
    } catch (error) {
      this.log.warn(`reconcile failed (will retry): ${(error as Error).message}`);
    }
  }

  private async scheduleAgenda(): Promise<void> {
    await this.queue.queue.upsertJobScheduler(
      AGENDA_SCHEDULER_ID,
      { pattern: this.config.agendaCron, tz: this.config.agendaTz },
      { name: 'agenda', data: { timerId: AGENDA_SCHEDULER_ID } },
    );
  }
}
