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
  TimerFiring,
  TimerReconciler,
  WorkerHeartbeats,
  checkRedisPolicy,
  wakeUpHorizonMs,
  withLogContext,
  workerConnection,
  type BatchFiring,
  type BatchReport,
  type JobName,
  type TimerJobData,
  type TimerReaction,
} from '@tricolor/core';
import { setTimeout as sleep } from 'node:timers/promises';
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
  const idle = [...byName.values()].filter((p) => !p.react && !p.process).map((p) => p.name);
  if (idle.length > 0) throw new Error(`processor(s) that do nothing: ${idle.join(', ')}`);
  return byName;
}

export interface DrainReport {
  result: 'drained';
  batches: number;
  fired: number;
}

/** The batches of one drain: how many may run at once, what they fired, and their ending. */
class DrainGroup {
  running = 0;
  readonly report: DrainReport = { result: 'drained', batches: 0, fired: 0 };
  /**
   * A timer whose reaction failed is put back and not tried again in this drain (a later
   * wake-up, or the reconciler's, retries it), so one bad case cannot spin the loop.
   */
  readonly failed = new Set<string>();
  error: Error | undefined;
  readonly done: Promise<DrainReport>;
  private settle!: () => void;

  constructor(readonly width: number) {
    this.done = new Promise<void>((resolve) => (this.settle = resolve)).then(() => {
      if (this.error !== undefined) throw this.error;
      return this.report;
    });
  }

  end(): void {
    this.settle();
  }
}

/** A batch that lost a deadlock runs again this many times in a row before the drain fails. */
const MAX_RETRIES = 3;

/** A deadlock or serialisation failure: the transaction rolled back and may simply run again. */
function isRetryable(error: unknown): boolean {
  const { code, driverError } = (error ?? {}) as {
    code?: unknown;
    driverError?: { code?: unknown };
  };
  const sqlState = driverError?.code ?? code;
  return sqlState === '40P01' || sqlState === '40001';
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
  private draining: DrainGroup | undefined;
  private again = false;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly queue: TimerQueue,
    private readonly reconciler: TimerReconciler,
    private readonly firing: TimerFiring,
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
    // Every log line of the job names it.
    return withLogContext({ jobId: job.id ?? '' }, async () => {
      try {
        // A job of its own (the agenda, a calendar re-timing): its processor.
        const own = this.processors.get(job.name as JobName)?.process;
        if (own) return await own.call(this.processors.get(job.name as JobName), job);
        // Any other job is a wake-up: at its instant (or, from before batching, at one timer's).
        const at = job.data.dueAt;
        if (at !== undefined && Date.now() < at) {
          // Woken before its instant (a clock step, a re-queued job): back to sleep until then.
          await job.moveToDelayed(at, token);
          throw new DelayedError();
        }
        return await this.drain();
      } catch (error) {
        if (!(error instanceof DelayedError)) {
          this.log.error({
            msg: 'timer job failed',
            job: job.name,
            error: (error as Error).message,
          });
        }
        throw error;
      }
    });
  }

  /**
   * Fires batch after batch until nothing is due. One drain at a time per process: a wake-up
   * that comes while one runs joins it (and makes it look once more before it ends). On
   * PostgreSQL a drain runs up to TIMER_DRAINS batches at once (one to start with, one more each
   * time a batch comes back full), so PostgreSQL works on one batch's statements while this
   * process runs another's reactions; SKIP LOCKED keeps their claims apart, as it does between
   * worker processes. SQLite runs one: its writes take turns anyway. A small number keeps a
   * storm from taking the whole machine from users' requests. Other workers drain beside it.
   */
  drain(): Promise<DrainReport> {
    if (this.draining) {
      this.again = true;
      return this.draining.done;
    }
    const group = new DrainGroup(this.config.databaseUrl ? this.config.timerDrains : 1);
    this.draining = group;
    void this.drainLoop(group);
    return group.done;
  }

  private async drainLoop(group: DrainGroup): Promise<void> {
    group.running += 1;
    let retries = 0;
    try {
      for (;;) {
        if (this.worker?.closing) break;
        // This batch's claim covers every wake-up until now.
        this.again = false;
        let batch: BatchReport;
        try {
          batch = await this.firing.fireDue((row) => this.reactionFor(row.kind), {
            skip: [...group.failed],
          });
          retries = 0;
        } catch (error) {
          // Two batches whose cases' other timers each holds can deadlock on PostgreSQL: the
          // loser's transaction rolled back (its rows are scheduled again), so it runs again.
          if (!isRetryable(error) || retries >= MAX_RETRIES) throw error;
          retries += 1;
          this.log.warn(`timer batch rolled back (${(error as Error).message}); retrying`);
          continue;
        }
        const { firings } = batch;
        group.report.batches += 1;
        let progressed = false;
        for (const f of firings) {
          if (f.outcome.result === 'error') group.failed.add(f.rowId);
          if (f.outcome.result === 'fired') group.report.fired += 1;
          if (f.outcome.result !== 'deferred') progressed = true;
          this.observe(f);
        }
        if (firings.length > 0 && !progressed) {
          // Every case of the batch was held by another transaction: give them a moment.
          await sleep(50);
          continue;
        }
        // Nothing due, unless a wake-up came while this batch was claimed: then once more.
        if (firings.length === 0 && !this.again) break;
        if (firings.length === 0) continue;
        // A full batch: more is likely due, so another batch may run beside this one.
        if (firings.length >= batch.limit && group.running < group.width) {
          void this.drainLoop(group);
        }
        // Between batches, let whatever else this process serves (HTTP, when in-process) run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      group.error ??= error instanceof Error ? error : new Error(String(error));
    }
    group.running -= 1;
    // The last batch of the drain ends it, in the same tick, so that a wake-up coming later
    // starts a new drain rather than joining one that has already looked for the last time.
    if (group.running === 0) {
      this.draining = undefined;
      group.end();
    }
  }

  private reactionFor(kind: string): TimerReaction {
    const react = this.processors.get(kind as JobName)?.react;
    if (!react) throw new Error(`no reaction for timer kind "${kind}"`);
    return react;
  }

  /** One line and one count per firing; the lateness histogram for those that fired. */
  private observe({ rowId, disputeId, kind, outcome }: BatchFiring): void {
    if (outcome.result === 'deferred') return;
    this.metrics?.timerFirings.inc({ kind, result: outcome.result });
    if (outcome.result === 'error') {
      this.log.error({
        msg: 'timer failed',
        kind,
        timerId: rowId,
        caseId: disputeId,
        error: outcome.error.message,
      });
      return;
    }
    const lateness = outcome.result === 'fired' ? outcome.latenessMs : undefined;
    if (lateness !== undefined)
      this.metrics?.timerLatenessSeconds.observe({ kind }, lateness / 1000);
    this.log.log({
      msg: 'timer fired',
      kind,
      timerId: rowId,
      caseId: disputeId,
      result: outcome.result,
      latenessMs: lateness,
    });
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
