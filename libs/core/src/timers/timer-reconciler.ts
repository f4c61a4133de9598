import { Injectable, Logger, Optional } from '@nestjs/common';
import { Metrics } from '../ops/metrics';
import { TimerEntity, TransactionRunner } from '@tricolor/persistence';
import { In, LessThanOrEqual } from 'typeorm';
import { ROWLESS_JOBS, type JobName } from './timer-jobs';
import { TimerQueue, isWakeUpJobId } from './timer-queue';

const BATCH = 1000;

export interface ReconcileReport {
  queued: number;
  removed: number;
}

/**
 * Redis is a wake-up service, not the record. The reconciler makes the queue agree with the
 * timer rows: every scheduled row due within the horizon has a wake-up at its instant (re-adding
 * an existing job id is a no-op; `queued` counts the wake-ups added), and old one-row jobs whose
 * row is no longer scheduled are removed. It runs at start and
 * periodically, so a FLUSHALL or a crash between commit and enqueue loses no deadline.
 */
@Injectable()
export class TimerReconciler {
  private readonly log = new Logger(TimerReconciler.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly timers: TimerQueue,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async reconcile(horizonMs: number, now = new Date()): Promise<ReconcileReport> {
    const queued = await this.queueDueRows(new Date(now.getTime() + horizonMs), now);
    const removed = await this.removeOrphans();
    if (queued + removed > 0) {
      // A repair means a wake-up was lost or left over: worth a metric and an alert when frequent.
      this.metrics?.reconcileRepairs.inc({ action: 'queued' }, queued);
      this.metrics?.reconcileRepairs.inc({ action: 'removed' }, removed);
      this.log.log({
        msg: `reconciled: ${queued} queued, ${removed} orphans removed`,
        queued,
        removed,
      });
    }
    return { queued, removed };
  }

  private async queueDueRows(until: Date, now: Date): Promise<number> {
    let queued = 0;
    for (let offset = 0; ; offset += BATCH) {
      const rows = await this.tx.run((m) =>
        m.find(TimerEntity, {
          where: { status: 'scheduled', dueAt: LessThanOrEqual(until) },
          order: { dueAt: 'ASC', id: 'ASC' },
          select: { id: true, kind: true, dueAt: true },
          skip: offset,
          take: BATCH,
        }),
      );
      queued += await this.timers.scheduleMissing(
        rows.map((r) => ({ id: r.id, kind: r.kind as JobName, dueAt: r.dueAt })),
        now.getTime(),
      );
      if (rows.length < BATCH) return queued;
    }
  }

  /**
   * Walks the queue's job ids only (a sorted-set range per page, no job read): a wake-up's id
   * names its instant (`due-<ms>`), so wake-ups, by far most of the queue (one per due instant
   * within the horizon), are passed over without a round trip each. Reading every job as well
   * cost the worker 5.8 s of every 30 s at 200,000 queued wake-ups, and its peak memory.
   */
  private async removeOrphans(): Promise<number> {
    let removed = 0;
    const queue = this.timers.queue;
    for (let start = 0; ; start += BATCH) {
      const ids = await queue.getRanges(
        ['delayed', 'wait', 'prioritized'],
        start,
        start + BATCH - 1,
        true,
      );
      const named = ids.filter((id) => !isWakeUpJobId(id));
      const live = new Set(
        named.length === 0
          ? []
          : (
              await this.tx.run((m) =>
                m.find(TimerEntity, {
                  where: { id: In(named), status: 'scheduled' },
                  select: { id: true },
                }),
              )
            ).map((r) => r.id),
      );
      // A job of one timer row (queued before batching) whose row is no longer scheduled is an
      // orphan; a job with no row behind it (the agenda, a calendar re-timing) never is.
      const orphans: string[] = [];
      for (const id of named.filter((n) => !live.has(n))) {
        const job = await queue.getJob(id);
        if (job && !ROWLESS_JOBS.has(job.name)) orphans.push(id);
      }
      await Promise.all(orphans.map((id) => queue.remove(id)));
      removed += orphans.length;
      // Removing shifts later jobs down; re-read this page rather than skipping past them.
      if (orphans.length > 0) start -= orphans.length;
      if (ids.length < BATCH) return removed;
    }
  }
}
